"""``sample_project/`` is a project of its own (run in a subprocess by test_sample_project.py), not part of
this suite."""

collect_ignore = ["sample_project"]
