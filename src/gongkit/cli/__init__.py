"""The ``gongkit`` command line: the server (``serve``, ``demo``), its control plane (``admin``), an SDK client
(``calls``, ``users``, ``actions``) and the agent toolkit over MCP (``mcp``). See ``docs/CLI.md``."""
