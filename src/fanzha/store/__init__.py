"""Storage of the operations service: SQLAlchemy tables, Alembic migrations, the database."""
