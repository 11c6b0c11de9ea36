"""Reading, checking and writing the dataset interchange format (shared/contract/DATASET.md)."""
