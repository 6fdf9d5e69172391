"""Engage tasks: the seed catalogue declares no action or tool for this group (``listTasks`` and
``updateReminder`` are reached through ``client.tasks``)."""

from __future__ import annotations

from gongkit.actions import Action

ACTIONS: list[Action] = []
