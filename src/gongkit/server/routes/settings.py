"""Routes of the settings group."""
