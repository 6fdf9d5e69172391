"""The SDK's resource groups, named as gongkit's groups: ``calls``, ``users``, ``settings``, ``data_privacy``."""
