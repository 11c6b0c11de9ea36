"""fanzha (反诈): software for a city anti-fraud centre."""

__version__ = "0.1.0"
