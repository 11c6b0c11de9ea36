"""Benchmarks behind `fanzha bench`: each module measures one stage and returns table rows."""
