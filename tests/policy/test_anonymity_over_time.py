"""
Anonymity over time: two employee views of one appraisal, before and after one more rating.

Issue 16, item 5: with three peers at 4, 4 and 3 (mean 11/3) and a fourth peer's 1
arriving (mean 3), the two views give the fourth rating by subtraction,
4 x 3 - 3 x 11/3 = 1.  Under the default `ReleasePolicy.AT_CLOSE` no view built inside the
period shows a figure made of a role whose threshold exceeds 1, so the difference of two
such views is empty; the `CONTINUOUS` option keeps the old behaviour, and the attack works
on it (which shows the attack is real).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from itertools import combinations_with_replacement

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from penilaian import (
    FeedbackNote,
    NumericScale,
    Rater,
    RaterRole,
    Rating,
    Renormalise,
    WeightingPolicy,
    load_sample,
)
from penilaian.exceptions import InvalidNumberError, InvalidValueError, UnknownLabelError
from penilaian.policy import DEFAULT_ANONYMITY, AnonymityThresholds, view_for_employee
from penilaian.policy.anonymity import AnonymityRisk, ReleasePolicy
from penilaian.reporting._blocks import Table
from penilaian.reporting._ratings import RatingsSection

SAMPLE = load_sample()  # the period is the year 2024
LAST_DAY = SAMPLE.period.end
INSIDE = date(2024, 6, 30)
AFTER = LAST_DAY + timedelta(days=1)
SCALE = NumericScale("lima", 1, 5, step=1)
SUBJECT = "collaborative"
CONTINUOUS = AnonymityThresholds(release="continuous")
POLICY = WeightingPolicy({"supervisor": "1/2", "peer": "1/2"}, missing=Renormalise())
SELF_AND_SUPERVISOR = tuple(
    rater for rater in SAMPLE.raters if rater.role in {RaterRole.SELF, RaterRole.SUPERVISOR}
)


def with_peers(scores, comments=None, notes=()):
    """The sample with its supervisor's 4 and one peer per score on `SUBJECT`."""
    comments = comments or [None] * len(scores)
    peers = [Rater(f"rekan-{i}", RaterRole.PEER, f"emp-rekan-{i}") for i in range(len(scores))]
    ratings = [Rating("atasan", SUBJECT, SCALE.id, score=4)]
    ratings += [
        Rating(peer.id, SUBJECT, SCALE.id, score=score, comment=comment)
        for peer, score, comment in zip(peers, scores, comments, strict=True)
    ]
    feedback = [FeedbackNote(day, f"rekan-{i}", text) for i, day, text in notes]
    return attrs.evolve(
        SAMPLE,
        raters=(*SELF_AND_SUPERVISOR, *peers),
        scales=(SCALE,),
        ratings=ratings,
        feedback=feedback,
    )


def peer_summary(view):
    (summary,) = view.subjects
    (peers,) = [role for role in summary.roles if role.role is RaterRole.PEER]
    return peers


def by_subtraction(before, after):
    """The attack: count x mean after, minus count x mean before, for the peers."""
    first, second = peer_summary(before), peer_summary(after)
    assert second.raters == first.raters + 1
    return second.raters * second.value - first.raters * first.value


class TestTheIssueExample:
    def test_continuous_gives_the_fourth_rating_away(self):
        """Issue 16: 4 x 3 - 3 x 11/3 = 1, under the old behaviour (now an option)."""
        before = view_for_employee(with_peers([4, 4, 3]), CONTINUOUS, as_of=INSIDE)
        after = view_for_employee(with_peers([4, 4, 3, 1]), CONTINUOUS, as_of=INSIDE)
        assert (peer_summary(before).value, peer_summary(after).value) == (Fraction(11, 3), 3)
        assert by_subtraction(before, after) == 1
        assert after.residual_risk is AnonymityRisk.EVERY_CHANGE

    def test_default_shows_nothing_to_subtract_inside_the_period(self):
        """By default both views inside the period withhold the peers: they are equal."""
        before = view_for_employee(with_peers([4, 4, 3]), as_of=INSIDE)
        after = view_for_employee(with_peers([4, 4, 3, 1]), as_of=INSIDE)
        assert before == after
        (summary,) = after.subjects
        assert (summary.withheld, [role.role for role in summary.roles]) == (
            (RaterRole.PEER,),
            [RaterRole.SUPERVISOR],
        )
        assert (after.released, after.residual_risk) == (
            False,
            AnonymityRisk.WITHHELD_UNTIL_CLOSE,
        )

    def test_released_the_day_after_the_close(self):
        """On the last day the peers are still withheld; the day after, their mean is shown."""
        appraisal = with_peers([4, 4, 3, 1])
        on_last_day = view_for_employee(appraisal, as_of=LAST_DAY)
        assert not on_last_day.released
        after = view_for_employee(appraisal, as_of=AFTER)
        assert (after.released, peer_summary(after).value) == (True, 3)
        assert after.residual_risk is AnonymityRisk.CHANGED_AFTER_CLOSE

    def test_a_rating_added_after_the_close_is_the_residual_risk(self):
        """The stated residual risk is real: a late fourth rating is given away after release."""
        before = view_for_employee(with_peers([4, 4, 3]), as_of=AFTER)
        after = view_for_employee(with_peers([4, 4, 3, 1]), as_of=AFTER + timedelta(days=1))
        assert by_subtraction(before, after) == 1
        assert "after the period closed" in after.residual_risk.label("en")


class TestWithheldUntilClose:
    def test_weighted_value_withheld_with_its_reason(self):
        """A weighted value the peers entered is withheld until the close, saying why."""
        view = view_for_employee(with_peers([4, 4, 3]), policy=POLICY, as_of=INSIDE)
        (summary,) = view.subjects
        assert summary.overall is None
        assert summary.overall_withheld == "it counts peer, shown only after the period closes"
        released = view_for_employee(with_peers([4, 4, 3]), policy=POLICY, as_of=AFTER)
        assert released.subjects[0].overall == Fraction(23, 6)  # 1/2 x 4 + 1/2 x 11/3

    def test_peer_comments_and_notes_withheld(self):
        """Peers' comments and notes wait for the close; the supervisor's signed view does not."""
        notes = [(0, date(2024, 5, 2), "Rajin berbagi.")]
        appraisal = with_peers([4, 4, 3], ["Baik", "Cepat", "Teliti"], notes)
        inside = view_for_employee(appraisal, as_of=INSIDE)
        assert not any(text in repr(inside) for text in ("Baik", "Cepat", "Teliti", "Rajin"))
        after = view_for_employee(appraisal, as_of=AFTER)
        assert peer_summary(after).comments == ("Baik", "Cepat", "Teliti")
        assert [note.text for note in after.feedback] == ["Rajin berbagi."]

    def test_signed_roles_are_shown_at_once(self):
        """Roles whose threshold is 1 sign their ratings: they are shown inside the period."""
        (summary,) = view_for_employee(with_peers([4, 4, 3]), as_of=INSIDE).subjects
        assert [(role.role, role.value) for role in summary.roles] == [(RaterRole.SUPERVISOR, 4)]

    def test_grace_days_move_the_close(self):
        """With a 31-day rating window the peers wait until 1 February (the day after it)."""
        window = AnonymityThresholds(grace_days=31)
        appraisal = with_peers([4, 4, 3])
        on_31_january = view_for_employee(appraisal, window, as_of=date(2025, 1, 31))
        on_1_february = view_for_employee(appraisal, window, as_of=date(2025, 2, 1))
        assert (on_31_january.released, on_1_february.released) == (False, True)
        assert peer_summary(on_1_february).value == Fraction(11, 3)

    @pytest.mark.parametrize("days", [-1, 367, 2.0, "7", True, None])
    def test_grace_days_refused(self, days):
        """A grace period is 0 to 366 whole days; anything else is refused at its name."""
        with pytest.raises(InvalidNumberError) as caught:
            AnonymityThresholds(grace_days=days)
        assert (caught.value.field, caught.value.value) == ("grace_days", days)

    def test_default_release_and_spellings(self):
        """The default releases at the close; the option is named by any of its spellings."""
        assert (DEFAULT_ANONYMITY.release, DEFAULT_ANONYMITY.grace_days) == (
            ReleasePolicy.AT_CLOSE,
            0,
        )
        assert AnonymityThresholds(release="Segera").release is ReleasePolicy.CONTINUOUS
        with pytest.raises(UnknownLabelError) as caught:
            AnonymityThresholds(release="weekly")
        assert caught.value.field == "release"

    @pytest.mark.parametrize(
        "as_of", ["2024-06-30", datetime(2024, 6, 30, 12, tzinfo=UTC), 20240630]
    )
    def test_as_of_must_be_a_date(self, as_of):
        """A text, a datetime or a number is refused at ``as_of``."""
        with pytest.raises(InvalidValueError) as caught:
            view_for_employee(SAMPLE, as_of=as_of)
        assert caught.value.field == "as_of"

    def test_today_by_default(self):
        """Without ``as_of`` the view is for today: the sample's 2024 period has closed."""
        view = view_for_employee(SAMPLE)
        assert (view.released, view.as_of > LAST_DAY) == (True, True)


# -- the property: differencing two versions ----------------------------------------------

SCORES = st.integers(1, 5)
COMMENTS = st.sampled_from([None, "Baik", "Kurang teliti", "Sangat membantu"])
IN_PERIOD = st.dates(SAMPLE.period.start, LAST_DAY)


@st.composite
def versions(draw: st.DrawFn):
    """Earlier peer scores, the new score, and the days the two views are built on."""
    earlier = draw(st.lists(SCORES, min_size=0, max_size=6))
    new = draw(SCORES)
    first = draw(IN_PERIOD)
    second = draw(st.dates(first, LAST_DAY + timedelta(days=60)))
    return earlier, new, first, second


class TestDifferencingAcrossVersions:
    @given(versions(), st.data())
    def test_the_earlier_view_holds_nothing_of_the_peers(self, case, data):
        """
        A view inside the period is the same whatever the peers gave, so no later view
        can be subtracted from it; if the later view is inside the period too, it is the
        same whatever the new rating was.
        """
        earlier, new, first, second = case
        size = len(earlier)
        said = data.draw(st.lists(COMMENTS, min_size=size, max_size=size))
        before = view_for_employee(with_peers(earlier, said), policy=POLICY, as_of=first)
        others = data.draw(st.lists(SCORES, min_size=size, max_size=size))
        other_said = data.draw(st.lists(COMMENTS, min_size=size, max_size=size))
        assert before == view_for_employee(
            with_peers(others, other_said), policy=POLICY, as_of=first
        )
        after = view_for_employee(with_peers([*earlier, new]), policy=POLICY, as_of=second)
        if second <= LAST_DAY:
            other_new = data.draw(SCORES)
            assert after == view_for_employee(
                with_peers([*earlier, other_new]), policy=POLICY, as_of=second
            )
            assert after.residual_risk is AnonymityRisk.WITHHELD_UNTIL_CLOSE
        else:
            assert after.residual_risk is AnonymityRisk.CHANGED_AFTER_CLOSE

    @given(versions())
    def test_continuous_lets_the_attack_through(self, case):
        """Under the old behaviour the subtraction gives every new rating exactly (n >= 3)."""
        earlier, new, first, second = case
        if len(earlier) < 3:
            earlier = [*earlier, 3, 3, 3]
        before = view_for_employee(with_peers(earlier), CONTINUOUS, as_of=first)
        after = view_for_employee(with_peers([*earlier, new]), CONTINUOUS, as_of=second)
        assert by_subtraction(before, after) == new


def _candidates(thresholds, n, first, second):
    """Every world of n earlier peer scores and one new score, keyed by the two views."""
    worlds: dict[tuple[object, object], set[int]] = {}
    for earlier in combinations_with_replacement(range(1, 6), n):
        before = view_for_employee(with_peers(list(earlier)), thresholds, as_of=first)
        for new in range(1, 6):
            appraisal = with_peers([*earlier, new])
            after = view_for_employee(appraisal, thresholds, as_of=second)
            worlds.setdefault((before, after), set()).add(new)
    return worlds


class TestExhaustiveAdversary:
    """On a 1-5 scale with three earlier peers, try every world an observer cannot tell apart."""

    def test_inside_the_period_no_pair_of_views_pins_the_new_rating(self):
        """Default, both views inside the period: every new score is still possible."""
        worlds = _candidates(DEFAULT_ANONYMITY, 3, INSIDE, INSIDE + timedelta(days=30))
        assert [sorted(news) for news in worlds.values()] == [[1, 2, 3, 4, 5]]

    def test_continuous_pins_it_in_every_world(self):
        """The old behaviour: every pair of views pins the new score to one value."""
        worlds = _candidates(CONTINUOUS, 3, INSIDE, INSIDE + timedelta(days=30))
        assert {len(news) for news in worlds.values()} == {1}

    def test_straddling_the_close_only_unanimity_pins_it(self):
        """
        One view inside, one after the close: the pair tells no more than the released
        view alone, which pins the new score only where all four peers agree.
        """
        worlds = _candidates(DEFAULT_ANONYMITY, 3, INSIDE, AFTER)
        pinned = {
            (peer_summary(after).value, *news)
            for (_, after), news in worlds.items()
            if len(news) == 1
        }
        assert pinned == {(1, 1), (5, 5)}  # a mean of 1 or 5: four equal ratings


class TestReportRatingsSection:
    """The employee report's ratings section says why a role is withheld, and the risk."""

    @staticmethod
    def section(as_of, lang):
        appraisal = with_peers([4, 4, 3])
        view = view_for_employee(appraisal, as_of=as_of)
        blocks = RatingsSection(appraisal, view, DEFAULT_ANONYMITY, lang).blocks()
        note = "".join(run.text for run in blocks[1].runs)
        (table,) = [block for block in blocks if isinstance(block, Table)]
        return note, table.rows[0]

    def test_before_the_close(self):
        """Before the close the peers' cell says they wait for it (not 'fewer than 3')."""
        note, row = self.section(INSIDE, "en")
        assert row[-1] == "not shown (after the period closes)"
        assert note.endswith(AnonymityRisk.WITHHELD_UNTIL_CLOSE.label("en"))
        note, row = self.section(INSIDE, "id")
        assert row[-1] == "tidak ditampilkan (setelah periode berakhir)"

    def test_after_the_close(self):
        """After the close the peers' mean is shown and the note states the residual risk."""
        note, row = self.section(AFTER, "id")
        assert row[-1] == "11/3 (\u2248 3.67) \u00b7 3 penilai"
        assert note.endswith(AnonymityRisk.CHANGED_AFTER_CLOSE.label("id"))
