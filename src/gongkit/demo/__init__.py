"""Demo data: a deterministic, realistic demo company (``gongkit.demo.generator``)."""
