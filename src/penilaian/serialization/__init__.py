"""JSON in and out, strictly: the one place where `cattrs` is used."""

from __future__ import annotations

from penilaian.serialization._converter import (
    dumps,
    json_schema,
    loads,
    make_converter,
    structure,
    unstructure,
)

__all__ = [
    "dumps",
    "json_schema",
    "loads",
    "make_converter",
    "structure",
    "unstructure",
]
