"""Models shipped with fanzha, loaded as package data (no download)."""
