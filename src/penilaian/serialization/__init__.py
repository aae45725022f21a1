"""
JSON in and out, strictly: the one place where `cattrs` is used, and the one JSON door.

Every JSON document the project reads (appraisals, units, policy files, development
catalogues, the shipped samples, the command line's input) is parsed by `parse_json`:
numbers are read once and exactly, and a document larger than `MAX_DOCUMENT_BYTES`
is refused before it is parsed; data nested deeper than `MAX_DEPTH` is refused with that
one problem.
"""

from __future__ import annotations

from penilaian.serialization._catalogue import load_catalogue
from penilaian.serialization._converter import (
    MAX_DEPTH,
    dumps,
    json_schema,
    loads,
    make_converter,
    structure,
    unstructure,
)
from penilaian.serialization._reading import (
    MAX_DOCUMENT_BYTES,
    check_file,
    parse_json,
    read_document,
    read_file,
)

__all__ = [
    "MAX_DEPTH",
    "MAX_DOCUMENT_BYTES",
    "check_file",
    "dumps",
    "json_schema",
    "load_catalogue",
    "loads",
    "make_converter",
    "parse_json",
    "read_document",
    "read_file",
    "structure",
    "unstructure",
]
