"""The `fanzha` command: a thin layer over the use cases of each stage."""
