"""The rules of each resource group, in plain Python over SQLAlchemy Core. Nothing here knows HTTP."""
