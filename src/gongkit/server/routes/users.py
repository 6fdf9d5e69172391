"""Routes of the users group."""
