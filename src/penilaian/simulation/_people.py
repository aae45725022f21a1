"""
The people of a synthetic workforce: unique valid NIPs, names and posts.

Unit leaders are PNS aged 35-58 in the post of their level (JPT pratama at the
root, administrator below it, pengawas further down).  Staff are 22-58 years old,
PPPK with the spec's share (appointed 2019 or later, when PPPK began) and otherwise
PNS, in a post drawn from `STAFF_POSTS`.  NIPs are built by `penilaian.Nip.for_pns`
and `penilaian.Nip.for_pppk`, so every one is valid, and redrawn until unique.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Final, NamedTuple

from penilaian.model.nip import Gender, Nip
from penilaian.model.organisation import PositionKind

if TYPE_CHECKING:
    import random
    from fractions import Fraction

    from penilaian.simulation._tree import PlannedUnit

__all__ = ["STAFF_POSTS", "Person", "make_people"]

_K = PositionKind

STAFF_POSTS: Final = (
    (_K.EXECUTOR, "Pengadministrasi Umum", 40),
    (_K.EXPERT_FIRST, "Analis Ahli Pertama", 20),
    (_K.EXPERT_JUNIOR, "Analis Ahli Muda", 15),
    (_K.EXPERT_MIDDLE, "Analis Ahli Madya", 5),
    (_K.SKILL_SKILLED, "Pranata Komputer Terampil", 10),
    (_K.SKILL_ADVANCED, "Pranata Komputer Mahir", 5),
    (_K.SKILL_SUPERVISOR, "Pranata Komputer Penyelia", 5),
)
"""The kinds of staff post, a title for each, and the weight each is drawn with."""

_LEADER_POSTS: Final = (_K.JPT_PRATAMA, _K.ADMINISTRATOR, _K.SUPERVISOR)
_FIRST_NAMES: Final = {
    Gender.MALE: ("Agus", "Budi", "Hendra", "Arif", "Dedi", "Rudi", "Eko", "Fajar", "Yusuf"),
    Gender.FEMALE: ("Rina", "Dewi", "Sari", "Lestari", "Maya", "Ani", "Wulan", "Putri", "Indah"),
}
_LAST_NAMES: Final = (
    "Santoso", "Wulandari", "Pratama", "Nuraini", "Gunawan", "Setiawan", "Hidayat",
    "Saputra", "Kurniawan", "Rahmawati", "Siregar", "Nasution", "Hutapea", "Wibowo",
)  # fmt: skip
_PPPK_START: Final = 2019


class Person(NamedTuple):
    """One employee: id (the NIP's digits), name, post, unit and whether they lead it."""

    id: str
    name: str
    kind: PositionKind
    title: str
    unit: int
    leads: bool


def make_people(
    rng: random.Random, units: list[PlannedUnit], pppk_share: Fraction, year: int
) -> list[Person]:
    """Return every unit's people, the leader of each unit first; NIPs unique."""
    kinds = [kind for kind, _, _ in STAFF_POSTS]
    titles = {kind: title for kind, title, _ in STAFF_POSTS}
    weights = [weight for _, _, weight in STAFF_POSTS]
    pppk = float(pppk_share)
    seen: set[str] = set()
    people: list[Person] = []
    for unit in units:
        for place in range(unit.size):
            leads = place == 0
            if leads:
                kind = _LEADER_POSTS[min(unit.level, len(_LEADER_POSTS) - 1)]
                title = f"Kepala {unit.name}"
            else:
                kind = rng.choices(kinds, weights)[0]
                title = titles[kind]
            contract = not leads and rng.random() < pppk
            gender = rng.choice((Gender.MALE, Gender.FEMALE))
            nip = _unique_nip(rng, seen, year, gender, leads=leads, pppk=contract)
            name = f"{rng.choice(_FIRST_NAMES[gender])} {rng.choice(_LAST_NAMES)}"
            people.append(Person(nip.digits, name, kind, title, unit.number, leads))
    return people


def _unique_nip(
    rng: random.Random, seen: set[str], year: int, gender: Gender, *, leads: bool, pppk: bool
) -> Nip:
    while True:
        nip = _nip(rng, year, gender, leads=leads, pppk=pppk)
        if nip.digits not in seen:
            seen.add(nip.digits)
            return nip


def _nip(rng: random.Random, year: int, gender: Gender, *, leads: bool, pppk: bool) -> Nip:
    age = rng.randint(35, 58) if leads else rng.randint(22, 58)
    birth = date(year - age, rng.randint(1, 12), rng.randint(1, 28))
    sequence = rng.randint(1, 999)
    if pppk:
        appointed = rng.randint(max(_PPPK_START, birth.year + 18), max(_PPPK_START, year))
        return Nip.for_pppk(birth, appointed, rng.randint(1, 3), gender, sequence)
    appointed = rng.randint(birth.year + 21, year)
    return Nip.for_pns(birth, date(appointed, rng.randint(1, 12), 1), gender, sequence)
