"""Tests of community_rules.organisation (clauses 2.1 and 2.2.3).

Each workstation fact of 2.1 is checked for each of its three values (true,
false, not known); the tiered chain of 2.2.3 for each way a tier can be in
place, missing or unknown.
"""

from __future__ import annotations

import datetime
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from community_rules.enums import Modality, Status
from community_rules.errors import InvalidType
from community_rules.findings import Finding
from community_rules.model import Building, BuildingHead, Community, ExistingSubArea, Workstation
from community_rules.organisation import RULES, TIERS, check_community

FULL = Workstation(
    exists=True,
    dispatched_by_office=True,
    shares_premises=True,
    party_organisation=True,
    head_party_member=True,
    head_is_party_secretary=True,
)
BUILDINGS = (Building("B1", 100), Building("B2", 120), Building("B3", 90))
AREAS = (ExistingSubArea("A1", buildings=("B1", "B2", "B3"), head="S1", head_is_committee_staff=True),)
HEADS = (BuildingHead("H1", buildings=("B1", "B2", "B3")),)


def community(**kw: object) -> Community:
    values: dict[str, object] = {
        "buildings": BUILDINGS,
        "workstation": FULL,
        "sub_areas": AREAS,
        "building_heads": HEADS,
    }
    values.update(kw)
    return Community("C1", **values)  # type: ignore[arg-type]


def by_rule(c: Community, **kw: object) -> dict[str, Finding]:
    return {f.rule: f for f in check_community(c, **kw)}  # type: ignore[arg-type]


def statuses(c: Community, **kw: object) -> dict[str, Status]:
    return {rule: f.status for rule, f in by_rule(c, **kw).items()}


class TestRules:
    def test_ids_clauses_modalities(self) -> None:
        assert [(r.id, r.clause, r.modality) for r in RULES] == [
            ("organisation.workstation", "2.1", Modality.MANDATORY),
            ("organisation.dispatched", "2.1", Modality.MANDATORY),
            ("organisation.joint_office", "2.1", Modality.MANDATORY),
            ("organisation.party_organisation", "2.1", Modality.MANDATORY),
            ("organisation.party_secretary", "2.1", Modality.IN_PRINCIPLE),
            ("organisation.tiers", "2.2.3", Modality.MANDATORY),
        ]

    def test_titles_quote_the_clause(self) -> None:
        from community_rules.opinion import clause

        def plain(text: str) -> str:  # full-width punctuation as the source's, list commas dropped
            return unicodedata.normalize("NFKC", text).replace("、", "")

        for r in RULES:
            assert r.title_en
            # Each Chinese title is words of its clause (the tiers title joins the 2.2.3 list).
            assert plain(r.title_zh) in plain(clause(r.clause).text_zh)

    def test_one_finding_per_rule_in_order(self) -> None:
        assert [f.rule for f in check_community(community(), office="O1")] == [r.id for r in RULES]

    def test_not_a_community(self) -> None:
        with pytest.raises(InvalidType) as err:
            list(check_community("C1"))  # type: ignore[arg-type]
        assert err.value.path == "community"


class TestWorkstation:
    def test_all_met(self) -> None:
        found = by_rule(community(), office="O1")
        assert all(f.status is Status.MET for f in found.values())
        f = found["organisation.workstation"]
        assert (f.required, f.actual, f.community, f.office) == (True, True, "C1", "O1")
        assert f.inputs == (("workstation.exists", True),)
        assert f.message_zh == "已设立社区工作站。"

    def test_nothing_known(self) -> None:
        found = by_rule(community(workstation=None))
        for rule in list(found)[:5]:
            assert found[rule].status is Status.UNKNOWN
            assert found[rule].inputs == (("workstation", None),)
            assert "社区工作站情况未知" in found[rule].message_zh

    @pytest.mark.parametrize(
        ("field", "rule"),
        [
            ("exists", "organisation.workstation"),
            ("dispatched_by_office", "organisation.dispatched"),
            ("shares_premises", "organisation.joint_office"),
            ("party_organisation", "organisation.party_organisation"),
        ],
    )
    @pytest.mark.parametrize(
        ("value", "status"), [(True, Status.MET), (False, Status.NOT_MET), (None, Status.UNKNOWN)]
    )
    def test_each_fact(self, field: str, rule: str, value: bool | None, status: Status) -> None:
        import attrs

        ws = attrs.evolve(FULL, **{field: value})
        f = by_rule(community(workstation=ws))[rule]
        assert f.status is status
        assert f.actual is value
        assert f.modality is Modality.MANDATORY
        assert f.is_failure == (status is Status.NOT_MET)

    def test_no_workstation(self) -> None:
        ws = Workstation(exists=False, dispatched_by_office=None, party_organisation=False)
        found = statuses(community(workstation=ws))
        assert found["organisation.workstation"] is Status.NOT_MET
        # Facts about a workstation that does not exist do not apply (the root failure is reported once).
        assert found["organisation.dispatched"] is Status.NOT_APPLICABLE
        assert found["organisation.joint_office"] is Status.NOT_APPLICABLE
        assert found["organisation.party_secretary"] is Status.NOT_APPLICABLE
        # The Party organisation is the community's, checked regardless.
        assert found["organisation.party_organisation"] is Status.NOT_MET

    def test_existence_unknown_other_facts_still_checked(self) -> None:
        ws = Workstation(exists=None, dispatched_by_office=False, shares_premises=True)
        found = statuses(community(workstation=ws))
        assert found["organisation.workstation"] is Status.UNKNOWN
        assert found["organisation.dispatched"] is Status.NOT_MET
        assert found["organisation.joint_office"] is Status.MET


class TestPartySecretary:
    RULE = "organisation.party_secretary"

    def secretary(self, member: bool | None, secretary: bool | None) -> Finding:
        ws = Workstation(exists=True, head_party_member=member, head_is_party_secretary=secretary)
        return by_rule(community(workstation=ws))[self.RULE]

    def test_member_and_secretary(self) -> None:
        f = self.secretary(True, True)
        assert (f.status, f.modality) == (Status.MET, Modality.IN_PRINCIPLE)

    def test_member_not_secretary_is_an_in_principle_shortfall(self) -> None:
        f = self.secretary(True, False)
        assert (f.status, f.modality) == (Status.NOT_MET, Modality.IN_PRINCIPLE)
        assert not f.is_failure  # 原则上: an exception the text allows, not a mandatory failure
        assert "原则上" in f.message_zh
        assert f.inputs == (
            ("workstation.head_party_member", True),
            ("workstation.head_is_party_secretary", False),
        )

    def test_member_secretary_unknown(self) -> None:
        assert self.secretary(True, None).status is Status.UNKNOWN

    @pytest.mark.parametrize("secretary", [True, False, None])
    def test_head_not_a_member_does_not_apply(self, secretary: bool | None) -> None:
        f = self.secretary(False, secretary)
        assert f.status is Status.NOT_APPLICABLE
        assert "not a Party member" in f.message_en

    def test_membership_unknown(self) -> None:
        f = self.secretary(None, True)
        assert f.status is Status.UNKNOWN
        assert "whether the rule applies" in f.message_en


class TestTiers:
    RULE = "organisation.tiers"

    def tiers(self, c: Community, **kw: object) -> Finding:
        return by_rule(c, **kw)[self.RULE]

    def test_complete_chain(self) -> None:
        f = self.tiers(community(), office="O1")
        assert (f.status, f.required, f.actual, f.gap, f.unit) == (Status.MET, 3, 3, 0, "tiers")
        assert f.clause == "2.2.3"
        assert "led by sub-district office O1" in f.message_en
        assert "由街道办事处 O1 领导" in f.message_zh

    def test_office_from_the_workstation(self) -> None:
        # Checked alone, but its workstation is dispatched by a sub-district office: tier 1 is in place.
        assert self.tiers(community()).status is Status.MET

    def test_office_unknown_when_checked_alone(self) -> None:
        ws = Workstation(exists=True, dispatched_by_office=None)
        f = self.tiers(community(workstation=ws))
        assert (f.status, f.actual, f.gap) == (Status.UNKNOWN, 2, 0)
        assert "1 not known" in f.message_en

    def test_no_workstation(self) -> None:
        f = self.tiers(community(workstation=Workstation(exists=False)), office="O1")
        assert (f.status, f.actual, f.gap) == (Status.NOT_MET, 2, 1)
        assert "no workstation" in f.message_en

    def test_workstation_unknown(self) -> None:
        assert self.tiers(community(workstation=None), office="O1").status is Status.UNKNOWN

    def test_sub_areas_unknown(self) -> None:
        f = self.tiers(community(sub_areas=None), office="O1")
        assert f.status is Status.UNKNOWN
        assert ("sub_areas", None) in f.inputs

    def test_no_sub_area_marked_out(self) -> None:
        f = self.tiers(community(sub_areas=()), office="O1")
        assert (f.status, f.gap) == (Status.NOT_MET, 1)
        assert "no sub-area marked out" in f.message_en

    def test_vacant_sub_area_head(self) -> None:
        areas = (
            ExistingSubArea("A1", buildings=("B1",), head="S1"),
            ExistingSubArea("A2", buildings=("B2", "B3")),
        )
        f = self.tiers(community(sub_areas=areas), office="O1")
        assert f.status is Status.NOT_MET
        assert "1 of 2 sub-areas without a head (A2)" in f.message_en
        assert "2 个居民小区中 1 个未设小区长（A2）" in f.message_zh

    def test_building_without_a_head(self) -> None:
        heads = (BuildingHead("H1", buildings=("B1", "B2")),)
        f = self.tiers(community(building_heads=heads), office="O1")
        assert f.status is Status.NOT_MET
        assert "1 of 3 buildings without a building head (B3)" in f.message_en

    def test_building_heads_unknown(self) -> None:
        assert self.tiers(community(building_heads=None), office="O1").status is Status.UNKNOWN

    def test_terms_against_as_of(self) -> None:
        heads = (
            BuildingHead(
                "H1", buildings=("B1",), start=datetime.date(2009, 1, 1), end=datetime.date(2009, 6, 30)
            ),
            BuildingHead("H2", buildings=("B2", "B3"), start=datetime.date(2009, 3, 1)),
        )
        c = community(building_heads=heads)
        # On 1 May 2009 both serve; on 1 July H1's term has ended; on 1 February H2 has not started.
        assert self.tiers(c, office="O1", as_of=datetime.date(2009, 5, 1)).status is Status.MET
        later = self.tiers(c, office="O1", as_of=datetime.date(2009, 7, 1))
        assert later.status is Status.NOT_MET
        assert "(B1)" in later.message_en
        earlier = self.tiers(c, office="O1", as_of=datetime.date(2009, 2, 1))
        assert "(B2, B3)" in earlier.message_en
        assert ("as_of", "2009-02-01") in earlier.inputs
        # Without a date every recorded head counts.
        assert self.tiers(c, office="O1").status is Status.MET

    def test_no_households_needs_no_heads(self) -> None:
        c = Community("C1", households=0, workstation=FULL, sub_areas=(), building_heads=())
        assert self.tiers(c, office="O1").status is Status.MET

    def test_households_without_buildings(self) -> None:
        # Households known but no buildings listed: heads present count; none at all is a gap.
        with_heads = Community(
            "C1",
            households=400,
            workstation=FULL,
            sub_areas=(ExistingSubArea("A", head="S"),),
            building_heads=(BuildingHead("H"),),
        )
        assert self.tiers(with_heads, office="O1").status is Status.MET
        without = Community("C1", households=400, workstation=FULL, sub_areas=(), building_heads=())
        assert (self.tiers(without, office="O1").status, self.tiers(without, office="O1").gap) == (
            Status.NOT_MET,
            1,
        )

    def test_nothing_about_homes_known(self) -> None:
        c = Community("C1", workstation=FULL, sub_areas=(), building_heads=())
        assert self.tiers(c, office="O1").status is Status.UNKNOWN

    def test_tier_names(self) -> None:
        assert TIERS == (
            ("sub-district office", "街道办事处"),
            ("workstation and residents' committee", "社区工作站和居委会"),
            ("sub-area heads and building heads", "小区长和楼长"),
        )

    @settings(max_examples=300, deadline=None)
    @given(
        st.one_of(st.none(), st.builds(Workstation, *[st.sampled_from([True, False, None])] * 6)),
        st.one_of(st.none(), st.just("O1")),
        st.one_of(st.none(), st.lists(st.booleans(), max_size=3)),
        st.one_of(st.none(), st.lists(st.sets(st.sampled_from(["B1", "B2", "B3"])), max_size=3)),
    )
    def test_status_agrees_with_counts(
        self,
        ws: Workstation | None,
        office: str | None,
        heads_of_areas: list[bool] | None,
        cares: list[set[str]] | None,
    ) -> None:
        areas = (
            None
            if heads_of_areas is None
            else [ExistingSubArea(f"A{i}", head="S" if h else None) for i, h in enumerate(heads_of_areas)]
        )
        heads = (
            None
            if cares is None
            else [BuildingHead(f"H{i}", buildings=sorted(b)) for i, b in enumerate(cares)]
        )
        c = Community("C1", buildings=BUILDINGS, workstation=ws, sub_areas=areas, building_heads=heads)
        f = self.tiers(c, office=office)
        assert isinstance(f.actual, int)
        assert isinstance(f.gap, int)
        assert 0 <= f.actual + f.gap <= 3
        assert (f.status is Status.MET) == (f.actual == 3)
        assert (f.status is Status.NOT_MET) == (f.gap > 0)
        # The second tier follows the workstation alone.
        if ws is not None and ws.exists is False:
            assert f.status is Status.NOT_MET


class TestSample:
    def test_sample_district(self) -> None:
        from community_rules.sample import sample_district

        d = sample_district()
        got = {
            c.id: statuses(c, office=o.id, as_of=datetime.date(2025, 3, 1))
            for o in d.offices
            for c in o.communities
        }
        # nanhu-1 is the community that meets every rule.
        assert set(got["nanhu-1"].values()) == {Status.MET}
        # xincheng-2: the head is a Party member but not the secretary (an in-principle shortfall).
        assert got["xincheng-2"]["organisation.party_secretary"] is Status.NOT_MET
        # dongshan-2: the head is not a Party member; sub-area XG-B has no head.
        assert got["dongshan-2"]["organisation.party_secretary"] is Status.NOT_APPLICABLE
        assert got["dongshan-2"]["organisation.tiers"] is Status.NOT_MET
        # nanhu-2 reported no workstation at all.
        assert got["nanhu-2"]["organisation.workstation"] is Status.UNKNOWN


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


class TestFindingsCarryTheirFacts:
    """Each finding names its community, office, required and actual values and the inputs it read."""

    FIELDS = (
        ("exists", "organisation.workstation"),
        ("dispatched_by_office", "organisation.dispatched"),
        ("shares_premises", "organisation.joint_office"),
        ("party_organisation", "organisation.party_organisation"),
    )

    def assert_located(self, f: Finding) -> None:
        assert (f.community, f.office) == ("C1", "O1"), f.rule

    @pytest.mark.parametrize("value", [True, False, None])
    def test_each_fact_names_its_input_and_place(self, value: bool | None) -> None:
        import attrs

        for field, rule in self.FIELDS:
            ws = attrs.evolve(FULL, **{field: value})
            f = by_rule(community(workstation=ws), office="O1")[rule]
            self.assert_located(f)
            # 2.1 requires each fact (a plain declarative sentence): required True, actual the fact.
            assert (f.required, f.actual) == (True, value)
            assert f.inputs == ((f"workstation.{field}", value),)

    def test_messages_are_in_their_language(self) -> None:
        # Met, not met and unknown each have an English and a Chinese message, not two Chinese ones.
        import attrs

        for value in (True, False, None):
            for field, rule in self.FIELDS:
                f = by_rule(community(workstation=attrs.evolve(FULL, **{field: value})))[rule]
                assert not _has_cjk(f.message_en), (rule, value, f.message_en)
                assert _has_cjk(f.message_zh), (rule, value)
        for member, secretary in ((True, True), (True, False), (True, None), (False, None), (None, None)):
            ws = Workstation(exists=True, head_party_member=member, head_is_party_secretary=secretary)
            f = by_rule(community(workstation=ws))["organisation.party_secretary"]
            assert not _has_cjk(f.message_en), (member, secretary, f.message_en)
            assert _has_cjk(f.message_zh)

    def test_nothing_known_located_and_required(self) -> None:
        found = by_rule(community(workstation=None), office="O1")
        for rule in list(found)[:5]:
            self.assert_located(found[rule])
        # The four facts are required; whether the secretary rule applies is itself not known.
        for _, rule in self.FIELDS:
            assert found[rule].required is True
        assert found["organisation.party_secretary"].required is None

    def test_no_workstation_inputs_and_place(self) -> None:
        ws = Workstation(
            exists=False, dispatched_by_office=True, shares_premises=None, head_party_member=True
        )
        found = by_rule(community(workstation=ws), office="O1")
        for rule in ("organisation.dispatched", "organisation.joint_office", "organisation.party_secretary"):
            assert found[rule].status is Status.NOT_APPLICABLE
            self.assert_located(found[rule])
            # The reason (no workstation) is among the inputs, before the fact itself.
            assert found[rule].inputs[0] == ("workstation.exists", False)
        assert found["organisation.dispatched"].inputs[1] == ("workstation.dispatched_by_office", True)
        assert found["organisation.joint_office"].inputs[1] == ("workstation.shares_premises", None)
        assert found["organisation.party_secretary"].inputs[1:] == (
            ("workstation.head_party_member", True),
            ("workstation.head_is_party_secretary", None),
        )
        self.assert_located(found["organisation.party_organisation"])

    @pytest.mark.parametrize(
        ("member", "secretary"), [(True, True), (True, False), (True, None), (False, True), (None, False)]
    )
    def test_secretary_findings_located_with_inputs(
        self, member: bool | None, secretary: bool | None
    ) -> None:
        ws = Workstation(exists=True, head_party_member=member, head_is_party_secretary=secretary)
        f = by_rule(community(workstation=ws), office="O1")["organisation.party_secretary"]
        self.assert_located(f)
        assert f.inputs == (
            ("workstation.head_party_member", member),
            ("workstation.head_is_party_secretary", secretary),
        )
        if member:
            # The rule applies: the head, a member, should in principle be the secretary.
            assert (f.required, f.actual) == (True, secretary)


class TestHeadTermBoundaries:
    """A building head serves from the first day of the term to the last, both included."""

    def tiers(self, head: BuildingHead, as_of: datetime.date) -> Finding:
        c = community(building_heads=(head,))
        return by_rule(c, office="O1", as_of=as_of)["organisation.tiers"]

    def test_first_day_of_the_term(self) -> None:
        head = BuildingHead("H1", buildings=("B1", "B2", "B3"), start=datetime.date(2009, 3, 1))
        assert self.tiers(head, datetime.date(2009, 3, 1)).status is Status.MET
        # The day before the term starts the three buildings have no head: 1 tier missing.
        before = self.tiers(head, datetime.date(2009, 2, 28))
        assert (before.status, before.gap) == (Status.NOT_MET, 1)

    def test_last_day_of_the_term(self) -> None:
        head = BuildingHead("H1", buildings=("B1", "B2", "B3"), end=datetime.date(2009, 6, 30))
        assert self.tiers(head, datetime.date(2009, 6, 30)).status is Status.MET
        after = self.tiers(head, datetime.date(2009, 7, 1))
        assert (after.status, after.gap) == (Status.NOT_MET, 1)


class TestTiersFindingDetails:
    RULE = "organisation.tiers"

    def test_located_with_every_input(self) -> None:
        f = by_rule(community(), office="O1", as_of=datetime.date(2009, 5, 1))[self.RULE]
        assert (f.community, f.office) == ("C1", "O1")
        assert f.inputs == (
            ("office", "O1"),
            ("workstation.exists", True),
            ("sub_areas", 1),
            ("building_heads", 1),
            ("buildings", 3),
            ("households", 310),  # 100 + 120 + 90, the buildings' households
            ("as_of", "2009-05-01"),
        )

    def test_inputs_when_nothing_is_known(self) -> None:
        c = Community("C1", workstation=None, sub_areas=None, building_heads=None)
        f = by_rule(c)[self.RULE]
        assert f.inputs == (
            ("office", None),
            ("workstation.exists", None),
            ("sub_areas", None),
            ("building_heads", None),
            ("buildings", 0),
            ("households", None),
            ("as_of", None),
        )
        # Office not given, workstation not known: tiers 1 and 2 unknown; no households known, no
        # sub-area, no heads: tier 3 unknown too. 0 present, 0 missing.
        assert (f.status, f.actual, f.gap) == (Status.UNKNOWN, 0, 0)

    @pytest.mark.parametrize(
        "kw",
        [
            {},
            {"workstation": None},
            {"workstation": Workstation(exists=False)},
            {"workstation": Workstation(exists=True, dispatched_by_office=False)},
            {"sub_areas": None, "building_heads": None},
            {"sub_areas": (), "building_heads": ()},
            {"sub_areas": (ExistingSubArea("A1"), ExistingSubArea("A2", head="S2"))},
            {"building_heads": (BuildingHead("H1", buildings=("B1",)),)},
        ],
    )
    def test_english_message_names_tiers_in_english(self, kw: dict[str, object]) -> None:
        f = by_rule(community(**kw))[self.RULE]
        assert not _has_cjk(f.message_en), f.message_en
        assert _has_cjk(f.message_zh)

    def test_chinese_message_names_what_is_missing(self) -> None:
        heads = (BuildingHead("H1", buildings=("B1", "B2")),)
        areas = (ExistingSubArea("A1", head="S1"), ExistingSubArea("A7"))
        f = by_rule(community(building_heads=heads, sub_areas=areas), office="O1")[self.RULE]
        # B3 has no building head and A7 no sub-area head: tier 3 missing, 2 of 3 present.
        assert (f.status, f.actual, f.gap) == (Status.NOT_MET, 2, 1)
        assert "B3" in f.message_zh
        assert "A7" in f.message_zh

    def test_not_a_community_names_its_type(self) -> None:
        with pytest.raises(InvalidType) as err:
            list(check_community(42))  # type: ignore[arg-type]
        assert err.value.value == 42
        assert "int" in err.value.message_en
        assert "int" in err.value.message_zh
