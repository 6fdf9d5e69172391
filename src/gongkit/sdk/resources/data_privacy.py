"""Data privacy resource of the SDK (placeholder until the data-privacy work lands)."""
