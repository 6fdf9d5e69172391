"""The agent toolkit: Gong's API v2 as declarative actions for agents.

Two catalogues are declared in :mod:`gongkit.actions.catalogue` (one module per resource group):

- the 53 ``GONG_*`` *actions* of the connector catalogue: inputs are the operation's parameters and body
  fields, nested body fields flattened with ``__`` (``filter__fromDate`` is ``{"filter": {"fromDate": ...}}``),
  hyphenated query names written with ``__`` (``workspace__id`` is the query parameter ``workspace-id``),
  arrays of objects passed as they are;
- the 18 read-only ``gong_*`` *tools*: credentials come in as ``accessKey``/``accessKeySecret`` inputs, id lists
  as comma-separated strings, and ``records`` (and a few other wrappers) are lifted into top-level fields.

An action is data: a name, a description, the ``operationId`` it calls, its inputs (:class:`Param`, from
which the JSON Schema is built) and where each input goes on the wire (derived from the operation, or stated
with ``to=``). Running one validates the input against that schema, builds one request, sends it through the
SDK's ``client.request(...)`` and answers ``{"data": ..., "error": None | str, "successful": bool}``.
Adding an action is a declaration in a catalogue module's ``ACTIONS`` list; there is no per-action code.

The package: :mod:`~gongkit.actions.model` (the declarations), :mod:`~gongkit.actions.flatten` (the input
naming rules), :mod:`~gongkit.actions.validation` (the JSON Schema check), :mod:`~gongkit.actions.upload` (file
inputs), :mod:`~gongkit.actions.wire` (the request of an input), :mod:`~gongkit.actions.registry` (the
catalogue by name) and :mod:`~gongkit.actions.runner` (running one through the SDK).
"""

from gongkit.actions.flatten import flatten, split_ids, unflatten
from gongkit.actions.model import CREDENTIAL_PARAMS, Action, Param, Reshape, Target, action, expand_enum, tool
from gongkit.actions.registry import all_actions, get
from gongkit.actions.runner import arun, envelope, run
from gongkit.actions.upload import FILE_INPUT_SCHEMA, file_part
from gongkit.actions.validation import ActionInputError, check
from gongkit.actions.wire import WireRequest

__all__ = [
    "CREDENTIAL_PARAMS",
    "FILE_INPUT_SCHEMA",
    "Action",
    "ActionInputError",
    "Param",
    "Reshape",
    "Target",
    "WireRequest",
    "action",
    "all_actions",
    "arun",
    "check",
    "envelope",
    "expand_enum",
    "file_part",
    "flatten",
    "get",
    "run",
    "split_ids",
    "tool",
    "unflatten",
]
