from tests.api.service import service
from tests.store.databases import database_url

__all__ = ["database_url", "service"]
