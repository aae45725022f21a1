"""
Development catalogues as JSON: ``{"actions": [{"id": ..., ...}, ...]}``.

The analysis core keeps the data type and its checks
(`penilaian.analysis.development.catalogue.DevelopmentCatalogue.from_mapping`); reading
the JSON text is the serialization layer's, through the one JSON reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from penilaian.analysis.development.catalogue import DevelopmentCatalogue
from penilaian.model.behaviour import BUILTIN_FRAMEWORKS
from penilaian.serialization._reading import parse_json

if TYPE_CHECKING:
    from collections.abc import Iterable

    import cattrs

    from penilaian.model.behaviour import BehaviourFramework

__all__ = ["load_catalogue", "register_catalogue_hooks"]


def load_catalogue(
    text: str | bytes,
    *,
    frameworks: Iterable[BehaviourFramework] = tuple(BUILTIN_FRAMEWORKS.values()),
) -> DevelopmentCatalogue:
    """
    Read a development catalogue from JSON text, numbers read exactly.

    >>> from penilaian.analysis.development import DEFAULT_DEVELOPMENT_CATALOGUE
    >>> from penilaian.serialization import dumps, load_catalogue
    >>> load_catalogue(dumps(DEFAULT_DEVELOPMENT_CATALOGUE)) == DEFAULT_DEVELOPMENT_CATALOGUE
    True

    Args:
        text: The JSON document, in the shape `DevelopmentCatalogue.from_mapping` reads.
        frameworks: The behaviour frameworks whose aspects the actions may develop
            (the three built-in ones by default).

    Raises:
        InvalidInputError: for a document larger than
            `penilaian.serialization.MAX_DOCUMENT_BYTES` or that is not JSON (at ``$``),
            and every problem `DevelopmentCatalogue.from_mapping` finds, with its path.
    """
    return DevelopmentCatalogue.from_mapping(parse_json(text), frameworks=frameworks)


def _structure_catalogue(data: Any, _type: object) -> DevelopmentCatalogue:  # noqa: ANN401
    return DevelopmentCatalogue.from_mapping(data)


def register_catalogue_hooks(converter: cattrs.Converter) -> None:
    """Teach *converter* a `DevelopmentCatalogue` as ``{"actions": [...]}``, built-in frameworks."""
    converter.register_structure_hook(DevelopmentCatalogue, _structure_catalogue)
    converter.register_unstructure_hook(DevelopmentCatalogue, DevelopmentCatalogue.to_mapping)
