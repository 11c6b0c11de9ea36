"""Event-time detection: fraud numbers, mule accounts and people being defrauded now."""
