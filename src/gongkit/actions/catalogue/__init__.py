"""The declarations, one module per resource group: each module's ``ACTIONS`` list holds its actions and tools.

:func:`gongkit.actions.all_actions` loads every module of this package.
"""
