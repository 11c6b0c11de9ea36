"""The HTTP API of the operations service (FastAPI): ingest, warnings, users, audit."""
