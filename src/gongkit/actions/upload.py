"""File inputs: an input of ``format: binary`` is a local path, or an object with the path or the bytes."""

from __future__ import annotations

import base64
import mimetypes
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from gongkit.actions.validation import ActionInputError

__all__ = ["FILE_INPUT_SCHEMA", "file_part"]

#: The JSON Schema of a file input: this object, or a plain path string.
FILE_INPUT_SCHEMA: dict[str, Any] = {
    "type": ["object", "string"],
    "properties": {
        "path": {"type": "string", "description": "Path of a local file to upload."},
        "content": {"type": "string", "description": "The file's bytes, base64-encoded (instead of path)."},
        "name": {"type": "string", "description": "File name sent with the upload (default: from path)."},
        "mimetype": {"type": "string", "description": "Content type (default: guessed from the name)."},
    },
}


def file_part(value: Any) -> tuple[str, bytes, str]:
    """(file name, bytes, content type) of a file input: a path, or ``{"path"|"content", "name", "mimetype"}``."""
    if isinstance(value, str):
        value = {"path": value}
    if not isinstance(value, Mapping):
        raise ActionInputError(["a file input must be a path or an object with 'path' or 'content'"])
    name = value.get("name")
    if value.get("content") is not None:
        try:
            data = base64.b64decode(str(value["content"]), validate=True)
        except ValueError as exc:
            raise ActionInputError(["the file 'content' is not valid base64"]) from exc
        name = name or "upload.bin"
    elif value.get("path"):
        path = Path(str(value["path"])).expanduser()
        if not path.is_file():
            raise ActionInputError([f"no such file: {path}"])
        data = path.read_bytes()
        name = name or path.name
    else:
        raise ActionInputError(["a file input needs 'path' or 'content'"])
    mimetype = value.get("mimetype") or mimetypes.guess_type(str(name))[0] or "application/octet-stream"
    return str(name), data, str(mimetype)
