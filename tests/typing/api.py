"""
Type-checked usage of the public API (mypy --strict checks this file; it is not run).

If a change breaks what users' type checkers see, mypy fails here.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from typing_extensions import assert_type

import penilaian as p
from penilaian.analysis.curve import CurveCheck, GradeChange, GradedEmployee, RuleCheck, check_curve
from penilaian.analysis.development import DevelopmentGap, EntitlementOutcome, PlanItem, find_gaps
from penilaian.analysis.survey import ServiceQuality
from penilaian.exceptions import InvalidInputError, Problem
from penilaian.model import NipKind, PeriodKind
from penilaian.policy import PublicIndex
from penilaian.serialization import dumps, json_schema, loads, structure, unstructure

nip = p.Nip.parse("19860926 201505 1 001")
assert_type(nip, p.Nip)
assert_type(nip.kind, NipKind)
assert_type(nip.birth_date, date)
assert_type(nip.appointment_date, date | None)
assert_type(nip.contract_number, int | None)

employee = p.Employee("e-1", "Siti", nip="19860926 201505 1 001")
assert_type(employee.status, NipKind | None)

period = p.Period.quarter(2024, 3)
assert_type(period.split(PeriodKind.MONTH), tuple[p.Period, ...])
assert_type(period.month_fraction, Fraction)
assert_type(period.label("en"), str)

indicator = p.Indicator("i", "d", p.Aspect.QUANTITY, p.PointTarget(12))
assert_type(indicator.realisation, p.Realisation | None)
assert_type(p.PointTarget("1.5").value, Decimal)
target = p.WorkTarget("t", "title", [indicator])
assert_type(target.indicators, tuple[p.Indicator, ...])
assert_type(target.with_realisation("i", p.Realisation(10)), p.WorkTarget)

appraisal = p.Appraisal(
    id="a",
    employee=employee,
    position=p.Position("Analis", p.PositionKind.EXPERT_FIRST),
    period=p.Period.year(2024),
    framework=p.BERAKHLAK,
    targets=[target],
)
assert_type(appraisal.ratings_by(p.RaterRole.PEER), tuple[p.Rating, ...])
assert_type(appraisal.scale("expectation"), p.NumericScale | p.OrdinalScale)
assert_type(p.ExpectationLevel.parse("Di Atas Ekspektasi"), p.ExpectationLevel)
assert_type(p.EXPECTATION_SCALE.rank("above"), int)

assert_type(loads(dumps(appraisal), p.Appraisal), p.Appraisal)
assert_type(structure(unstructure(period), p.Period), p.Period)
assert_type(json_schema(p.Appraisal), dict[str, Any])

try:
    structure({}, p.Appraisal)
except InvalidInputError as error:
    assert_type(error.problems, tuple[Problem, ...])

staff = [GradedEmployee("e", "Baik", "unit", "meets", "meets")]
check = check_curve("unit", p.OrganisationGrade.GOOD, staff)
assert_type(check.rules, tuple[RuleCheck, ...])
assert_type(check.compliant, bool)
calibration = p.propose_calibration(check, max_steps=2)
assert_type(calibration.apply(), tuple[GradedEmployee, ...])
assert_type(calibration.changes, tuple[GradeChange, ...])
assert_type(p.load_sample_unit().check_curve(), CurveCheck)

survey = p.satisfaction_index(
    [p.SurveyResponse("r1", {"requirements": 4})], elements=["requirements"]
)
assert_type(survey.quality, ServiceQuality)
assert_type(survey.public_index(p.NumericScale("s", 0, 100)), PublicIndex)

plan = p.recommend(p.Permen6Regime().score(appraisal), appraisal=appraisal)
assert_type(plan.items, tuple[PlanItem, ...])
assert_type(plan.entitlement.outcome, EntitlementOutcome)
assert_type(find_gaps(p.Permen6Regime().score(appraisal), appraisal), tuple[DevelopmentGap, ...])
