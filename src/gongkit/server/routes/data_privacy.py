"""Routes of the data_privacy group."""
