"""
Analyses over results.

The distribution curve, the public survey index, rater analytics, development.
"""

from __future__ import annotations

__all__: list[str] = []
