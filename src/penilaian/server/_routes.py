"""
The endpoints: each reads its request, runs the library in a worker thread, answers.

Every route reuses the library's own functions (the regimes, `UnitAppraisals`,
`propose_calibration`, `check_completeness`, the reports, the spreadsheet reader and
writer) and its JSON form (`penilaian.serialization.unstructure`); none scores by
itself.  The work runs in a worker thread that is abandoned when the time limit
passes (`penilaian.server._guards`), so a slow request never holds the event loop.
"""

from __future__ import annotations

import json
import tempfile
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import anyio.to_thread
from starlette.datastructures import UploadFile
from starlette.responses import Response

from penilaian._base.problems import ProblemList
from penilaian._base.trace import render_trace
from penilaian.analysis.completeness import check_completeness, requirements_of
from penilaian.analysis.curve.calibration import propose_calibration
from penilaian.analysis.curve.unit import UnitAppraisals
from penilaian.analysis.development.plan import recommend
from penilaian.exceptions import (
    InvalidInputError,
    InvalidValueError,
    PenilaianError,
    ScoringInputError,
    UnknownStrategyError,
)
from penilaian.io.samples import load_sample_unit
from penilaian.policy.weighting import WeightingPolicy
from penilaian.scoring.timeline import suggest_regime
from penilaian.serialization import parse_json, structure, unstructure
from penilaian.server._inputs import XLSX, Body, Query, body_kind, load_appraisals
from penilaian.server._problems import Refusal, from_error
from penilaian.server._units import cycle_summary

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from starlette.requests import Request

    from penilaian.model.appraisal import Appraisal
    from penilaian.scoring.registry import StrategyRegistry
    from penilaian.scoring.result import Result
    from penilaian.server.limits import ServerSettings
    from penilaian.typing import ScoringStrategy

__all__ = ["Routes", "as_json"]

_ATTACHMENT: Final = 'attachment; filename="{name}"'
_PAGE: Final = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/page.js": ("page.js", "text/javascript; charset=utf-8"),
    "/page.css": ("page.css", "text/css; charset=utf-8"),
}
# The page runs only its own script and style, and is never framed.
_PAGE_HEADERS: Final = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
_MOST_STEPS: Final = 10


def _json(data: object) -> Response:
    text = json.dumps(data, ensure_ascii=False)
    return Response(text.encode("utf-8"), media_type="application/json")


def _file(data: bytes, media: str, name: str) -> Response:
    headers = {"Content-Disposition": _ATTACHMENT.format(name=name)}
    return Response(data, media_type=media, headers=headers)


def _chosen(appraisals: Sequence[Appraisal], appraisal_id: str | None) -> Appraisal:
    if appraisal_id is None:
        if len(appraisals) == 1:
            return appraisals[0]
        reason = f"the body has {len(appraisals)} appraisals: choose one"
        raise Refusal(400, "bad_query", {"name": "appraisal", "reason": reason})
    for appraisal in appraisals:
        if appraisal.id == appraisal_id:
            return appraisal
    known = ", ".join(appraisal.id for appraisal in appraisals[:10])
    reason = f"no appraisal {appraisal_id!r} in the body (it has {known})"
    raise Refusal(400, "bad_query", {"name": "appraisal", "reason": reason})


class Routes:
    """The endpoints of one service, with its registry of regimes and its limits."""

    def __init__(self, registry: StrategyRegistry, settings: ServerSettings) -> None:
        self.registry = registry
        self.settings = settings
        # At most settings.threads requests worked on at once (one limiter per service).
        self._working: anyio.CapacityLimiter | None = None

    async def _body(self, request: Request) -> Body:
        kind = body_kind(request.headers.get("content-type", ""))
        if kind != "form":
            return Body(kind, await request.body())
        async with request.form(max_files=1, max_fields=8) as form:
            upload = form.get("file")
            if not isinstance(upload, UploadFile):
                reason = "send the workbook (.xlsx) as the form field 'file'"
                raise Refusal(400, "bad_query", {"name": "file", "reason": reason})
            return Body("xlsx", await upload.read(), upload.filename or "upload.xlsx")

    def _strategy_for(self, query: Query) -> Callable[[Appraisal], ScoringStrategy]:
        """The regime asked for (checked now, before the body is read), or each period's."""
        chosen = query.text("regime")
        fixed = None if chosen is None else self.registry.get(chosen)

        def strategy(appraisal: Appraisal) -> ScoringStrategy:
            return fixed or self.registry.get(suggest_regime(appraisal.period))

        return strategy

    async def _work(self, request: Request, work: Callable[[Query, Body], Response]) -> Response:
        query = Query(dict(request.query_params))
        query.lang()  # a wrong language or regime is refused before the body is read
        self._strategy_for(query)
        body = await self._body(request)
        if self._working is None:  # made in the event loop, on the first request
            self._working = anyio.CapacityLimiter(self.settings.threads)
        return await anyio.to_thread.run_sync(
            lambda: work(query, body), abandon_on_cancel=True, limiter=self._working
        )

    def _appraisals(self, body: Body) -> tuple[tuple[Appraisal, ...], bool]:
        return load_appraisals(body, self.settings.max_bytes)

    async def validate(self, request: Request) -> Response:
        """``POST /validate``: read the appraisals; each one's regime, grade, notes or problems."""
        return await self._work(request, self._validate)

    def _validate(self, query: Query, body: Body) -> Response:
        lang, strategy = query.lang(), self._strategy_for(query)
        appraisals, _ = self._appraisals(body)
        items: list[dict[str, object]] = []
        for appraisal in appraisals:
            item: dict[str, object] = {
                "id": appraisal.id,
                "employee_id": appraisal.employee.id,
                "name": appraisal.employee.name,
            }
            try:
                result = strategy(appraisal).score(appraisal, trace=False)
            except UnknownStrategyError:
                raise
            except PenilaianError as error:
                item["problems"] = from_error(error, lang).problems
            else:
                item["regime"] = result.regime
                item["grade"] = None if result.grade is None else result.grade.id
                item["notes"] = [
                    {"path": note.path, "code": note.code, "text": note.text(lang)}
                    for note in result.notes
                ]
            items.append(item)
        return _json({"valid": True, "count": len(items), "appraisals": items})

    def _scored(
        self, query: Query, appraisals: Sequence[Appraisal], *, trace: bool
    ) -> list[Result]:
        strategy = self._strategy_for(query)
        results: list[Result] = []
        found = ProblemList()
        for index, appraisal in enumerate(appraisals):
            try:
                results.append(strategy(appraisal).score(appraisal, trace=trace))
            except InvalidInputError as error:  # noqa: PERF203 - every appraisal's problems
                found.within(error, f"$[{index}]")
            except InvalidValueError as error:
                found.add(f"$[{index}]", error)
        found.raise_if_any(ScoringInputError)
        return results

    async def score(self, request: Request) -> Response:
        """``POST /score``: every appraisal's result, as JSON, an XLSX workbook or CSV."""
        return await self._work(request, self._score)

    def _score(self, query: Query, body: Body) -> Response:
        lang = query.lang()
        fmt = query.choice("format", ("json", "xlsx", "csv"))
        trace = query.flag("trace", default=fmt == "json")
        appraisals, single = self._appraisals(body)
        results = self._scored(query, appraisals, trace=trace)
        if fmt == "json":
            items = [unstructure(result) for result in results]
            return _json(items[0] if single else items)
        from penilaian.io.spreadsheet import write_results  # noqa: PLC0415 - optional extra

        with tempfile.TemporaryDirectory(prefix="penilaian-") as folder:
            if fmt == "xlsx":
                path = Path(folder) / "results.xlsx"
                write_results(path, results, appraisals, "xlsx", lang=lang)
                return _file(path.read_bytes(), XLSX, "results.xlsx")
            write_results(folder, results, appraisals, "csv", figures=False, lang=lang)
            data = (Path(folder) / "results.csv").read_bytes()
        return _file(data, "text/csv; charset=utf-8", "results.csv")

    async def explain(self, request: Request) -> Response:
        """``POST /explain``: one appraisal's result with its trace, and the trace as text."""
        return await self._work(request, self._explain)

    def _explain(self, query: Query, body: Body) -> Response:
        lang = query.lang()
        appraisal = _chosen(self._appraisals(body)[0], query.text("appraisal"))
        result = self._scored(query, [appraisal], trace=True)[0]
        text = "" if result.trace is None else render_trace(result.trace, lang)
        return _json({"appraisal_id": appraisal.id, "result": unstructure(result), "text": text})

    async def curve(self, request: Request) -> Response:
        """``POST /curve``: a unit document against its distribution curve, and a calibration."""
        return await self._work(request, self._curve)

    def _curve(self, query: Query, body: Body) -> Response:
        lang = query.lang()
        propose = query.flag("propose", default=True)
        steps = query.count("max_steps", 1, _MOST_STEPS)
        fmt = query.choice("format", ("json", "markdown", "html"))
        if body.kind != "json":
            accepted = "application/json (unit, unit_grade, appraisals)"
            raise Refusal(415, "bad_media", {"media": XLSX, "accepted": accepted})
        unit = structure(parse_json(body.data), UnitAppraisals)
        check = unit.check_curve()
        calibration = propose_calibration(check, max_steps=steps) if propose else None
        if fmt == "json":
            return _json(
                {
                    "check": unstructure(check),
                    "text": check.describe(lang),
                    "calibration": None if calibration is None else unstructure(calibration),
                    "calibration_text": None if calibration is None else calibration.describe(lang),
                }
            )
        from penilaian.reporting.unit import unit_report  # noqa: PLC0415 - boundary module

        names = {appraisal.employee.id: appraisal.employee.name for appraisal in unit.appraisals}
        made = unit_report(
            check, calibration=calibration, lang=lang, unit_name=unit.unit.name, names=names
        )
        return _report_response(made.html() if fmt == "html" else made.markdown(), fmt)

    async def completeness(self, request: Request) -> Response:
        """``POST /completeness``: who in the cycle still lacks what, per person and unit."""
        return await self._work(request, self._completeness)

    def _completeness(self, query: Query, body: Body) -> Response:
        strategy = self._strategy_for(query)
        appraisals, _ = self._appraisals(body)
        cycle = check_completeness(
            appraisals, lambda appraisal: requirements_of(strategy(appraisal))
        )
        return _json(unstructure(cycle))

    async def report(self, request: Request) -> Response:
        """``POST /report``: one employee's report, as HTML or Markdown."""
        return await self._work(request, self._report)

    def _report(self, query: Query, body: Body) -> Response:
        from penilaian.reporting.employee import employee_report  # noqa: PLC0415 - boundary

        lang = query.lang()
        fmt = query.choice("format", ("html", "markdown"))
        plan = query.flag("plan", default=True)
        appraisal = _chosen(self._appraisals(body)[0], query.text("appraisal"))
        strategy = self._strategy_for(query)(appraisal)
        result = self._scored(query, [appraisal], trace=True)[0]
        policy = getattr(strategy, "aggregator", None)
        made = employee_report(
            appraisal,
            result,
            lang=lang,
            plan=recommend(result, appraisal=appraisal) if plan else None,
            policy=policy if isinstance(policy, WeightingPolicy) else None,
        )
        return _report_response(made.html() if fmt == "html" else made.markdown(), fmt)

    async def cycle(self, request: Request) -> Response:
        """``POST /cycle``: every appraisal's grade or problems, each unit's curve (the page's)."""
        return await self._work(request, self._cycle)

    def _cycle(self, query: Query, body: Body) -> Response:
        appraisals, _ = self._appraisals(body)
        return _json(cycle_summary(appraisals, self._strategy_for(query), query.lang()))

    async def page(self, request: Request) -> Response:
        """``GET /``, ``/page.js``, ``/page.css``: the browser page, shipped as package data."""
        name, media = _PAGE[request.url.path]
        data = resources.files("penilaian.server").joinpath("page", name).read_bytes()
        return Response(data, media_type=media, headers=_PAGE_HEADERS)

    async def template(self, request: Request) -> Response:
        """``GET /template``: the XLSX template, empty or with the sample unit's appraisals."""
        return await self._work(request, self._template)

    def _template(self, query: Query, _body: Body) -> Response:
        from penilaian.io.spreadsheet import write_template  # noqa: PLC0415 - optional extra

        example = load_sample_unit().appraisals if query.flag("example", default=False) else None
        with tempfile.TemporaryDirectory(prefix="penilaian-") as folder:
            path = Path(folder) / "template.xlsx"
            write_template(path, "xlsx", example=example)
            return _file(path.read_bytes(), XLSX, "penilaian-template.xlsx")


def _report_response(text: str, fmt: str) -> Response:
    media = "text/html" if fmt == "html" else "text/markdown"
    return Response(text.encode("utf-8"), media_type=f"{media}; charset=utf-8")


def as_json(data: Any) -> Response:  # noqa: ANN401 - JSON data is untyped
    """Return *data* as a JSON response."""
    return _json(data)
