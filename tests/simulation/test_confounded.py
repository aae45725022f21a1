"""Tests for the confounded design of penilaian.simulation: lenient raters rate weaker people."""

from __future__ import annotations

from statistics import mean

import pytest

from penilaian import RaterRole
from penilaian.analysis.raters import FindingKind, RaterEffects
from penilaian.exceptions import InvalidValueError
from penilaian.simulation import RaterBias, RaterMix, WorkforceSpec, generate

BIAS = RaterBias(kind="leniency", strength=1, share="1/10")


def raw_means(workforce, raters):
    """Each rater's mean numeric rating of others, on 1-5."""
    given: dict[str, list[float]] = {}
    for appraisal in workforce.appraisals:
        names = {r.id: r.employee_id for r in appraisal.raters if r.role is not RaterRole.SELF}
        for rating in appraisal.ratings:
            name = names.get(rating.rater_id)
            if name in raters and rating.score is not None:
                given.setdefault(name, []).append(float(rating.score))
    return {name: mean(values) for name, values in given.items()}


class TestConfounded:
    def test_default_unchanged(self):
        """The option is off by default, and turning it off explicitly changes nothing."""
        spec = WorkforceSpec(employees=60, biases=[BIAS])
        assert spec.confounded is False
        explicit = WorkforceSpec(employees=60, biases=[BIAS], confounded=False)
        assert generate(spec, 3) == generate(explicit, 3)

    def test_only_ratees_of_biased_raters_change(self):
        """It draws nothing: appraisals without a biased rater are exactly as before."""
        plain = generate(WorkforceSpec(employees=120, biases=[BIAS]), 4)
        mixed = generate(WorkforceSpec(employees=120, biases=[BIAS], confounded=True), 4)
        names = plain.biased_raters()
        changed = 0
        for before, after in zip(plain.appraisals, mixed.appraisals, strict=True):
            touched = any(
                r.employee_id in names for r in before.raters if r.role is not RaterRole.SELF
            )
            changed += before != after
            if not touched:
                assert before == after
        assert changed > 0

    def test_raw_means_hide_lenient_raters(self):
        """Confounded, lenient raters' raw means sink to the others'; the model finds them."""
        spec = WorkforceSpec(
            employees=600, unit_sizes=(16, 24), raters=RaterMix(peers=15), biases=[BIAS]
        )
        plain = generate(spec, 0)
        mixed = generate(
            WorkforceSpec(
                employees=600,
                unit_sizes=(16, 24),
                raters=RaterMix(peers=15),
                biases=[BIAS],
                confounded=True,
            ),
            0,
        )
        lenient = plain.biased_raters()
        fair = set(plain.raters) - lenient

        def gap(workforce):
            means = raw_means(workforce, set(workforce.raters))
            return mean(means[r] for r in lenient) - mean(means[r] for r in fair)

        assert gap(mixed) < gap(plain) / 2
        flagged = {f.rater for f in RaterEffects().findings(mixed.appraisals)}
        assert len(flagged & lenient) >= 0.8 * len(lenient)
        assert len(flagged & fair) <= 0.02 * len(fair)
        kinds = {f.kind for f in RaterEffects().findings(mixed.appraisals) if f.rater in lenient}
        assert kinds == {FindingKind.LENIENCY}

    @pytest.mark.parametrize("value", ["yes", 1, None])
    def test_flag_checked(self, value):
        """The option must be True or False, and the error names it."""
        with pytest.raises(InvalidValueError, match="confounded"):
            WorkforceSpec(confounded=value)
