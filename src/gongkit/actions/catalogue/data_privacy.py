"""Data privacy actions (placeholder until the data-privacy work lands)."""
