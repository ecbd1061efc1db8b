"""The embedded sample district: it loads, is cached, round-trips and exercises every rule."""

from __future__ import annotations

import math
from decimal import Decimal

import community_rules as cr
from community_rules.documents import dump_district, load_district
from community_rules.enums import CommunityKind
from community_rules.model import District
from community_rules.sample import sample_district, sample_text


class TestSample:
    def test_loads(self) -> None:
        d = sample_district()
        assert isinstance(d, District)
        assert d.id == "gaoqu"

    def test_three_offices_nine_communities(self) -> None:
        d = sample_district()
        assert [o.id for o in d.offices] == ["dongshan", "xincheng", "nanhu"]
        assert [len(o.communities) for o in d.offices] == [3, 3, 3]
        assert d.counts()["communities"] == 9

    def test_cached(self) -> None:
        assert sample_district() is sample_district()
        assert cr.sample_district is sample_district

    def test_round_trips(self) -> None:
        d = sample_district()
        assert load_district(dump_district(d)) == d

    def test_text_is_the_document(self) -> None:
        assert load_district(sample_text().encode("utf-8")) == sample_district()


class TestWhatItExercises:
    def test_old_town_and_new(self) -> None:
        kinds = {c.kind for c in sample_district().communities()}
        assert kinds == {CommunityKind.OLD_TOWN, CommunityKind.NEW}

    def test_a_gated_compound(self) -> None:
        compounds = {b.compound for c in sample_district().communities() for b in c.buildings} - {None}
        assert compounds == {"锦绣花园 Jinxiu Garden", "滨江苑 Binjiang Court"}

    def test_a_building_over_500_households(self) -> None:
        # I-1: a building above the cap is a sub-area of its own
        big = [b for c in sample_district().communities() for b in c.buildings if b.households > 500]
        assert [(b.id, b.households) for b in big] == [("XC-T1", 620)]

    def test_unknown_office_space(self) -> None:
        unknown = [c.id for c in sample_district().communities() if c.office_space_m2 is None]
        assert unknown == ["dongshan-3", "nanhu-3"]

    def test_understaffed(self) -> None:
        # I-4: quota ceil(households / 300); e.g. dongshan-1: ceil(980 / 300) = 4 > 2 staff,
        # dongshan-3: ceil(1150 / 300) = 4 > 0
        short = [
            c.id
            for c in sample_district().communities()
            if c.staff is not None and c.households is not None and c.staff < math.ceil(c.households / 300)
        ]
        assert "dongshan-1" in short
        assert "dongshan-3" in short

    def test_spec_worked_examples_are_there(self) -> None:
        d = sample_district()
        # SPEC §6 I-1: 300, 150, 100, 250, 180 = 980
        assert [b.households for b in d.community("dongshan-1").buildings] == [300, 150, 100, 250, 180]
        # SPEC §6 I-4/I-5: 1,150 households, none in post
        assert (d.community("dongshan-3").households, d.community("dongshan-3").staff) == (1150, 0)
        # SPEC §6 I-6/I-7: 2,400 households; 24,000.00 office funds, 19,200.00 welfare
        c = d.community("xincheng-3")
        assert (c.households, c.office_funds, c.welfare_funds) == (
            2400,
            Decimal("24000.00"),
            Decimal("19200.00"),
        )
        # SPEC §6 I-10: 4,321.05 monthly pay
        assert d.community("dongshan-1").staff_members[0].monthly_pay == Decimal("4321.05")

    def test_money_is_exact(self) -> None:
        for c in sample_district().communities():
            for value in (c.office_funds, c.welfare_funds, c.office_space_m2):
                assert value is None or type(value) is Decimal

    def test_projects_before_and_after_2008(self) -> None:
        # I-15: projects completed on or after 2008-01-01; one unknown date
        completed = {p.id: p.completed for p in sample_district().projects}
        assert completed["P-unknown-nanhu"] is None
        years = sorted(d.year for d in completed.values() if d is not None)
        assert years == [2007, 2009, 2010]
