"""Foundations shared by every layer: exact numbers, rounding, checks, labels, the trace."""

from __future__ import annotations

__all__: list[str] = []
