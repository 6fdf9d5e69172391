"""Routes of the calls group."""
