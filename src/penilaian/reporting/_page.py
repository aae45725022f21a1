"""What every report shares: written as Markdown or as one standalone HTML page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from penilaian.reporting import _html, _markdown
from penilaian.reporting._blocks import Paragraph, Run, runs

if TYPE_CHECKING:
    from penilaian._base.labels import Language
    from penilaian.reporting._blocks import Block

__all__ = ["Page"]


class Page:
    """
    A report as parts, written in either form from the same parts.

    Subclasses give `title`, `lang`, ``_blocks()`` and ``_footer()``; both forms say
    the same thing, and escaping happens once, in the writer of each form.
    """

    lang: Language

    @property
    def title(self) -> str:
        """The report's title."""
        raise NotImplementedError  # pragma: no cover - every report has its title

    def markdown(self) -> str:
        """Write the report as Markdown (CommonMark with tables), every text escaped."""
        footer = Paragraph(runs(Run(self._footer(), "muted")))
        return _markdown.render((*self._blocks(), footer))

    def html(self) -> str:
        """Write the report as one standalone HTML5 page: inline CSS, no script, no link."""
        return _html.page(self.title, self.lang, self._blocks(), self._footer())

    def _blocks(self) -> tuple[Block, ...]:
        raise NotImplementedError  # pragma: no cover - every report defines its parts

    def _footer(self) -> str:
        raise NotImplementedError  # pragma: no cover - every report defines its footer
