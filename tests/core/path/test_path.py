"""A person's path across co-ops (issue 17.3): statuses, exits with reasons, what carried over.

The Belgian path is the one the issue's texts describe (JobYourself, then DiES, then Rcoop): Bram
Peeters tests an activity for 18 months in the coopérative d'activités of ``be-activity.toml``,
is a worker-member of an employment co-op (``employment_standin.toml``, a stand-in for the
be-employment sample), and joins the sector co-op of ``be-sector-coworking.toml``. No Belgian
rule in the reference (``belgium.md``) counts time in one co-op towards a deadline in another:
nothing carries over, and the report says so.

The French rule that does carry over: Code du travail L7331-3 ([SRC] in ``france.md`` §4.4):
the three years to become an associate of a CAE are "reduced by the duration of any prior CAPE
(Code de commerce L127-1) or any other contract between the parties".
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from pathlib import Path

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cooprules.accompaniment import EndReason
from cooprules.errors import InvalidInput
from cooprules.explain import Confidence, Severity, Text, Violation
from cooprules.membership import Event, EventKind, History, Status, status_at
from cooprules.path import CarryOverRules, Spell, _spells, person_path, reason_text
from cooprules.plugins import load_regimes
from cooprules.scenario import ScenarioError, load, loads

HERE = Path(__file__).parent
SAMPLES = Path(__file__).resolve().parents[3] / "src" / "cooprules_cli" / "samples"
CATALOGUE = load_regimes()
BRAM = "p:bram-peeters"


def _load(path: Path):
    scenario = load(path)
    return scenario, CATALOGUE.get(scenario.coop.regime)


def _loads(text: str, name: str):
    scenario = loads(text, name=name)
    return scenario, CATALOGUE.get(scenario.coop.regime)


@pytest.fixture(scope="module")
def belgian_path():
    files = [
        _load(SAMPLES / "be-sector-coworking.toml"),  # given out of order on purpose
        _load(SAMPLES / "be-activity.toml"),
        _load(HERE / "employment_standin.toml"),
    ]
    return person_path(BRAM, files)


# --- the Belgian path --------------------------------------------------------------------------


def test_the_co_ops_come_in_the_order_the_person_entered_them(belgian_path):
    assert [(s.regime, s.member) for s in belgian_path.stays] == [
        ("be-activity", "c-bram"),
        ("be-cnc", "e-bram"),
        ("be-cnc", "s-bram"),
    ]
    assert [s.entry for s in belgian_path.stays] == [
        date(2024, 6, 20),
        date(2025, 12, 1),
        date(2027, 6, 15),
    ]


def test_each_status_with_its_dates(belgian_path):
    activity, employment, sector = belgian_path.stays
    # be-activity.toml: applied 2024-06-20, convention 2024-07-01 (18 months: to 2025-12-31,
    # loi du 1er mars 2007 art. 80), exited 2026-01-01.
    assert activity.spells == (
        Spell(Status.APPLICANT, date(2024, 6, 20), date(2024, 7, 1)),
        Spell(Status.CANDIDATE_ENTREPRENEUR, date(2024, 7, 1), date(2026, 1, 1)),
        Spell(Status.EXITED, date(2026, 1, 1)),
    )
    assert employment.spells == (
        Spell(Status.APPLICANT, date(2025, 12, 1), date(2026, 1, 1)),
        Spell(Status.MEMBER, date(2026, 1, 1), date(2027, 6, 30)),
        Spell(Status.RESIGNED, date(2027, 6, 30)),
    )
    assert sector.spells == (
        Spell(Status.APPLICANT, date(2027, 6, 15), date(2027, 7, 1)),
        Spell(Status.MEMBER, date(2027, 7, 1)),
    )
    # the status on each file's last day: be-activity's year ends before his exit
    assert [s.status for s in belgian_path.stays] == [
        Status.CANDIDATE_ENTREPRENEUR,
        Status.RESIGNED,
        Status.MEMBER,
    ]
    assert [s.recorded_until for s in belgian_path.stays] == [
        date(2025, 12, 31),
        date(2027, 12, 31),
        date(2027, 12, 31),
    ]


def test_exits_with_their_reasons(belgian_path):
    activity, employment, sector = belgian_path.stays
    (left_activity,) = activity.exits
    assert left_activity.date == date(2026, 1, 1)
    assert left_activity.kind is EventKind.EXITED
    assert left_activity.left is Status.CANDIDATE_ENTREPRENEUR
    assert left_activity.reason is EndReason.JOINED_EMPLOYMENT_COOP
    (left_employment,) = employment.exits
    assert left_employment.kind is EventKind.RESIGNED
    assert left_employment.left is Status.MEMBER
    # recorded as the "set_up_alone", read as the vocabulary's self_employed
    assert left_employment.recorded == "set_up_alone"
    assert left_employment.reason is EndReason.SELF_EMPLOYED
    assert sector.exits == ()


def test_nothing_carries_over_between_belgian_co_ops_and_the_report_says_why(belgian_path):
    assert belgian_path.carried == ()
    assert belgian_path.violations == ()
    # one note per later co-op, none for the first; no overlap (applicants are not in a co-op)
    assert [n.subject for n in belgian_path.notes] == [
        str(HERE / "employment_standin.toml"),
        str(SAMPLES / "be-sector-coworking.toml"),
    ]
    note = belgian_path.notes[0].text
    assert note.in_("en") == (
        "Nothing carries over into Coopérative d'emploi Travail Partagé: cooprules knows no "
        "rule of its law (be-cnc) that counts time spent in another co-op."
    )
    assert note.in_("fr").startswith("Rien n'est repris dans Coopérative d'emploi")
    assert note.in_("nl").startswith("Niets wordt overgedragen naar Coopérative d'emploi")


def test_the_path_reads_the_person_not_the_member_id():
    # c-bram, e-bram and s-bram are three member ids of one person; another person is not in it
    files = [_load(SAMPLES / "be-activity.toml"), _load(HERE / "employment_standin.toml")]
    path = person_path("p:claire-dumont", files)
    assert [s.member for s in path.stays] == ["e-founder"]
    assert path.notes == ()


# --- the French rule: a CAPE counts towards the associate deadline (L7331-3) ---------------------

CAPE_ELSEWHERE = """
[coop]
regime = "fr-cae-scop"
name = "CAE Première"
year = 2025
[[members]]
id = "m1"
person = "p:lea"
events = [{ kind = "convention_signed", date = 2024-09-01 },
          { kind = "exited", date = 2025-03-01, reason = "joined_another_coop" }]
"""

CESA_HERE = """
[coop]
regime = "fr-cae-scop"
name = "CAE Seconde"
year = 2025
[[members]]
id = "lea"
person = "p:lea"
events = [{ kind = "employed", date = 2025-03-01 }]
"""


def test_a_cape_held_elsewhere_shortens_the_delay_to_become_an_associate():
    path = person_path(
        "p:lea", [_loads(CAPE_ELSEWHERE, "first.toml"), _loads(CESA_HERE, "second.toml")]
    )
    (carried,) = path.carried
    assert carried.into == "second.toml"
    assert carried.code == "fr.cae.become_associate"
    # CESA 2025-03-01 + 36 months: last day 2028-02-29; less the 6-month CAPE (2024-09-01 to
    # 2025-02-28): 30 months, last day 2027-08-31.
    assert carried.due_without == date(2028, 2, 29)
    assert carried.due_with == date(2027, 8, 31)
    assert carried.reduction.in_("en") == "6 months 0 days"
    assert [e.coop for e in carried.counted] == ["CAE Première"]
    assert carried.citation.article == "art. L7331-3"
    assert carried.citation.confidence is Confidence.SRC
    assert carried.explanation.steps[-1].result == date(2027, 8, 31)
    assert path.notes == ()  # the CAPE ended the day the CESA began: no overlap


def test_a_cape_elsewhere_adds_to_the_contracts_with_the_cae_itself():
    # a 2-month CAPE with the CAE itself (already deducted by its own rules) and the 6-month CAPE
    # elsewhere: 36 - 2 - 6 = 28 months from 2025-05-01, last day 2027-08-31.
    own = CESA_HERE.replace(
        '[{ kind = "employed", date = 2025-03-01 }]',
        '[{ kind = "convention_signed", date = 2025-03-01 }, '
        '{ kind = "employed", date = 2025-05-01 }]',
    )
    path = person_path("p:lea", [_loads(CAPE_ELSEWHERE, "a.toml"), _loads(own, "b.toml")])
    (carried,) = path.carried
    assert carried.due_without == date(2028, 2, 29)  # 34 months from 2025-05-01
    assert carried.due_with == date(2027, 8, 31)


def test_a_belgian_convention_is_no_cape():
    belgian = """
[coop]
regime = "be-activity"
name = "Coopérative d'activités"
year = 2024
[[members]]
id = "c1"
person = "p:lea"
events = [{ kind = "convention_signed", date = 2023-09-01 },
          { kind = "exited", date = 2025-03-01, reason = "joined_employment_coop" }]
"""
    path = person_path("p:lea", [_loads(belgian, "be.toml"), _loads(CESA_HERE, "fr.toml")])
    assert path.carried == ()
    (note,) = path.notes
    assert note.citation is not None
    assert note.citation.article == "art. L7331-3"
    assert "a CAPE (Code de commerce L127-1) held before the CESA" in note.text.in_("en")


def test_a_cape_still_running_when_the_cesa_starts_does_not_count():
    running = CAPE_ELSEWHERE.replace("2025-03-01, reason", "2025-06-01, reason")
    path = person_path("p:lea", [_loads(running, "a.toml"), _loads(CESA_HERE, "b.toml")])
    assert path.carried == ()
    overlap = [n for n in path.notes if "at once" in n.text.in_("en")]
    assert len(overlap) == 1
    assert "from 2025-03-01" in overlap[0].text.in_("en")


# --- overlaps: data, never raised ----------------------------------------------------------------


def _forbidding(regime):
    def forbids(_regime, history, earlier, _until):
        return tuple(
            Violation(
                "test.no_two_coops",
                Severity.ERROR,
                history.subject,
                Text("member of {coop} at the same time", coop=e.coop),
            )
            for e in earlier
        )

    rules = CarryOverRules(
        counts=Text("nothing"),
        citation=regime.citations[0],
        carry=lambda *_: (),
        forbids=forbids,
    )
    return attrs.evolve(regime, rules=(*regime.rules, rules))


def test_two_memberships_a_law_forbids_are_a_violation_not_an_error():
    first, regime = _load(HERE / "employment_standin.toml")
    late = first.members[1].events[-1]
    # Bram stays a member of the employment co-op: his resignation is left out
    kept = attrs.evolve(first.members[1], events=first.members[1].events[:-1])
    first = attrs.evolve(first, members=(first.members[0], kept))
    assert late.kind is EventKind.RESIGNED
    second, sector_regime = _load(SAMPLES / "be-sector-coworking.toml")
    path = person_path(BRAM, [(first, regime), (second, _forbidding(sector_regime))])
    (violation,) = path.violations
    assert violation.code == "test.no_two_coops"
    assert violation.subject == "s-bram"
    assert "Travail Partagé" in violation.message.in_("en")
    assert not any("at once" in n.text.in_("en") for n in path.notes)
    allowed = person_path(BRAM, [(first, regime), (second, sector_regime)])
    assert allowed.violations == ()
    assert any(
        "at once from 2027-07-01: the law of neither forbids it" in n.text.in_("en")
        for n in allowed.notes
    )


# --- bad input -----------------------------------------------------------------------------------


def test_a_person_in_no_file_is_refused_naming_the_person():
    with pytest.raises(InvalidInput) as caught:
        person_path("p:nobody", [_load(HERE / "employment_standin.toml")])
    assert caught.value.field == "person"
    assert caught.value.value == "p:nobody"


@pytest.mark.parametrize("person", ["", "bad id", "-lead", "x" * 101, 17])
def test_a_malformed_person_id_is_refused(person):
    with pytest.raises(InvalidInput) as caught:
        person_path(person, [_load(HERE / "employment_standin.toml")])
    assert caught.value.field == "person"


def test_a_file_given_twice_is_refused():
    one = _load(HERE / "employment_standin.toml")
    with pytest.raises(InvalidInput) as caught:
        person_path(BRAM, [one, one])
    assert caught.value.field == "files"


def test_a_scenario_refuses_two_members_with_one_person_id():
    text = """
[coop]
regime = "be-cnc"
name = "Coop"
year = 2025
[[members]]
id = "a"
person = "p:same"
[[members]]
id = "b"
person = "p:same"
"""
    with pytest.raises(ScenarioError) as caught:
        loads(text, name="twice.toml")
    assert caught.value.path == "members[1].person"
    assert caught.value.value == "p:same"


def test_a_scenario_refuses_a_malformed_person_id():
    text = """
[coop]
regime = "be-cnc"
name = "Coop"
year = 2025
[[members]]
id = "a"
person = "ines lambert"
"""
    with pytest.raises(ScenarioError) as caught:
        loads(text, name="bad.toml")
    assert caught.value.path == "members[0].person"
    assert "p:ines-lambert" in caught.value.reason


# --- the exit reasons' vocabulary ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("joined_employment_coop", EndReason.JOINED_EMPLOYMENT_COOP),
        ("joined_another_coop", EndReason.JOINED_ANOTHER_COOP),
        ("set_up_alone", EndReason.SELF_EMPLOYED),
        ("self_employed", EndReason.SELF_EMPLOYED),
        ("stopped", EndReason.ABANDONED),
        ("employed_elsewhere", EndReason.EMPLOYED_ELSEWHERE),
        (" stopped ", EndReason.ABANDONED),
        ("repeated absences", None),
        (None, None),
    ],
)
def test_exit_reasons_are_read_from_the_vocabulary(text, reason):
    assert EndReason.parse(text) is reason


def test_every_exit_reason_has_a_french_and_a_dutch_label():
    for reason in EndReason:
        label = reason_text(reason)
        assert label.in_("fr") != label.in_("en"), reason
        assert label.in_("nl") != label.in_("en"), reason


# --- spells: a property over random histories ----------------------------------------------------

KINDS = [k for k in EventKind if k is not EventKind.EXTENDED]


@given(
    st.lists(
        st.tuples(st.sampled_from(KINDS), st.integers(min_value=0, max_value=2000)),
        max_size=12,
    )
)
@example(  # found by hypothesis: the same day goes back to the status held before it
    [
        (EventKind.APPLIED, 1),
        (EventKind.CONVENTION_SIGNED, 0),
        (EventKind.CONVENTION_SIGNED, 1),
    ]
)
def test_spells_cover_the_history_without_gaps(events):
    start = date(2020, 1, 1)
    history = History.of("p", [Event(k, start + timedelta(days=d)) for k, d in events])
    spells = _spells(history)
    for before, after in itertools.pairwise(spells):
        assert before.end == after.start  # contiguous
        assert before.status is not after.status  # a change of status each time
        assert before.start < before.end
    for spell in spells:
        assert status_at(history, spell.start) is spell.status
        if spell.end is not None:
            assert status_at(history, spell.end - timedelta(days=1)) is spell.status
    if spells:
        assert spells[-1].end is None
        assert spells[-1].status is history.current
        first = next(
            d for d, s in zip(history.dates, history.statuses, strict=True) if s.value != "none"
        )
        assert spells[0].start == first
    assert all(s.status is not Status.NONE for s in spells[:1])
