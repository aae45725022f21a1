"""
Readable reports: one employee's appraisal, and a unit against its distribution curve.

The boundary layer: nothing here is imported by ``import penilaian``.  Reports are
Markdown or standalone HTML, in Indonesian by default or English on request; they
use only the standard library.
"""

from __future__ import annotations

__all__: list[str] = []
