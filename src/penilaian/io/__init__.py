"""
Appraisals in the shapes people and systems exchange: spreadsheets, SIASN records, policy files.

The boundary layer: nothing here is imported by ``import penilaian``.  Spreadsheets
(XLSX) need the ``xlsx`` extra (``pip install ".[xlsx]"`` in a clone); CSV needs nothing.
Import the functions from their modules: `penilaian.io.spreadsheet`,
`penilaian.io.siasn` and `penilaian.serialization.policy`.
"""

from __future__ import annotations

__all__: list[str] = []
