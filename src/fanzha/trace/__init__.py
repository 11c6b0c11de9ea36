"""Fund tracing: a columnar ledger index and time-respecting, amount-limited traces of money."""
