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


# --- found by mutation testing ---------------------------------------------------------------


def _expected(rule: str, status: Status, **fields: object) -> Finding:
    """A finding of ``rule`` for community C1, its clause and modality written out by hand."""
    clause, modality = {
        "organisation.workstation": ("2.1", Modality.MANDATORY),
        "organisation.dispatched": ("2.1", Modality.MANDATORY),
        "organisation.joint_office": ("2.1", Modality.MANDATORY),
        "organisation.party_organisation": ("2.1", Modality.MANDATORY),
        "organisation.party_secretary": ("2.1", Modality.IN_PRINCIPLE),
        "organisation.tiers": ("2.2.3", Modality.MANDATORY),
    }[rule]
    values: dict[str, object] = {"community": "C1", "office": "O1"}
    values.update(fields)
    return Finding(rule, clause, status, modality, **values)  # type: ignore[arg-type]


# (field, rule, met en, met zh, not met en, not met zh, unknown en, unknown zh)
_FACT_TEXTS = (
    (
        "exists",
        "organisation.workstation",
        "A community workstation is set up.",
        "已设立社区工作站。",
        "No community workstation is set up.",
        "未设立社区工作站。",
        "Not known whether a community workstation is set up.",
        "是否设立社区工作站未知。",
    ),
    (
        "dispatched_by_office",
        "organisation.dispatched",
        "The workstation is dispatched by the sub-district office.",
        "社区工作站为街道办事处派出机构。",
        "The workstation is not a body dispatched by the sub-district office.",
        "社区工作站不是街道办事处的派出机构。",
        "Not known whether the workstation is dispatched by the sub-district office.",
        "社区工作站是否为街道办事处派出机构未知。",
    ),
    (
        "shares_premises",
        "organisation.joint_office",
        "The workstation and the residents' committee work as a joint office.",
        "社区工作站与居委会合署办公。",
        "The workstation and the residents' committee do not share premises.",
        "社区工作站与居委会未合署办公。",
        "Not known whether the workstation and the residents' committee share premises.",
        "社区工作站与居委会是否合署办公未知。",
    ),
    (
        "party_organisation",
        "organisation.party_organisation",
        "A community Party organisation is established.",
        "已成立社区党组织。",
        "No community Party organisation is established.",
        "未成立社区党组织。",
        "Not known whether a community Party organisation is established.",
        "是否成立社区党组织未知。",
    ),
)


class TestWorkstationFindingsInFull:
    """Whole findings of clause 2.1, messages in both languages included (found by mutation testing).

    The mutation run of organisation.py (docs/strategies.md, "Mutation testing") showed messages
    and the fields of the not-applicable and not-known findings that no test read.
    """

    @pytest.mark.parametrize("texts", _FACT_TEXTS, ids=[t[0] for t in _FACT_TEXTS])
    @pytest.mark.parametrize(
        ("value", "status"), [(True, Status.MET), (False, Status.NOT_MET), (None, Status.UNKNOWN)]
    )
    def test_each_fact(self, texts: tuple[str, ...], value: bool | None, status: Status) -> None:
        import attrs

        field, rule = texts[0], texts[1]
        en, zh = {Status.MET: texts[2:4], Status.NOT_MET: texts[4:6], Status.UNKNOWN: texts[6:8]}[status]
        # A workstation whose existence is not known still has its other facts checked.
        base = attrs.evolve(FULL, exists=None) if field != "exists" else FULL
        f = by_rule(community(workstation=attrs.evolve(base, **{field: value})), office="O1")[rule]
        assert f == _expected(
            rule,
            status,
            required=True,
            actual=value,
            message_en=en,
            message_zh=zh,
            inputs=((f"workstation.{field}", value),),
        )

    def test_nothing_known_about_the_workstation(self) -> None:
        found = list(check_community(community(workstation=None), office="O1"))
        texts = {
            "message_en": "Nothing is known about the community's workstation.",
            "message_zh": "社区工作站情况未知。",
            "inputs": (("workstation", None),),
        }
        # The four facts 2.1 requires are required (True); whether the secretary rule applies at all is
        # itself not known (None).
        assert found[:5] == [
            _expected("organisation.workstation", Status.UNKNOWN, required=True, **texts),
            _expected("organisation.dispatched", Status.UNKNOWN, required=True, **texts),
            _expected("organisation.joint_office", Status.UNKNOWN, required=True, **texts),
            _expected("organisation.party_organisation", Status.UNKNOWN, required=True, **texts),
            _expected("organisation.party_secretary", Status.UNKNOWN, required=None, **texts),
        ]

    def test_no_workstation(self) -> None:
        ws = Workstation(
            exists=False,
            dispatched_by_office=False,
            shares_premises=None,
            party_organisation=True,
            head_party_member=True,
            head_is_party_secretary=False,
        )
        not_applicable = {
            "message_en": "Not applicable: the community has no workstation (see organisation.workstation).",
            "message_zh": "不适用：该社区未设立社区工作站（见 organisation.workstation）。",
        }
        assert list(check_community(community(workstation=ws), office="O1"))[:5] == [
            _expected(
                "organisation.workstation",
                Status.NOT_MET,
                required=True,
                actual=False,
                message_en="No community workstation is set up.",
                message_zh="未设立社区工作站。",
                inputs=(("workstation.exists", False),),
            ),
            _expected(
                "organisation.dispatched",
                Status.NOT_APPLICABLE,
                inputs=(("workstation.exists", False), ("workstation.dispatched_by_office", False)),
                **not_applicable,
            ),
            _expected(
                "organisation.joint_office",
                Status.NOT_APPLICABLE,
                inputs=(("workstation.exists", False), ("workstation.shares_premises", None)),
                **not_applicable,
            ),
            # The Party organisation is the community's: checked with or without a workstation.
            _expected(
                "organisation.party_organisation",
                Status.MET,
                required=True,
                actual=True,
                message_en="A community Party organisation is established.",
                message_zh="已成立社区党组织。",
                inputs=(("workstation.party_organisation", True),),
            ),
            _expected(
                "organisation.party_secretary",
                Status.NOT_APPLICABLE,
                inputs=(
                    ("workstation.exists", False),
                    ("workstation.head_party_member", True),
                    ("workstation.head_is_party_secretary", False),
                ),
                **not_applicable,
            ),
        ]

    @pytest.mark.parametrize(
        ("member", "secretary", "expected"),
        [
            (
                True,
                True,
                (
                    Status.MET,
                    True,
                    True,
                    "The workstation head, a Party member, is the Party secretary.",
                    "社区工作站负责人为党员，并任社区党组织书记。",
                ),
            ),
            (
                True,
                False,
                (
                    Status.NOT_MET,
                    True,
                    False,
                    "The workstation head is a Party member but not the Party secretary "
                    "(in principle should be).",
                    "社区工作站负责人为党员，但未任社区党组织书记（原则上应当兼任）。",
                ),
            ),
            (
                True,
                None,
                (
                    Status.UNKNOWN,
                    True,
                    None,
                    "The workstation head is a Party member; not known whether he or she is the Party "
                    "secretary.",
                    "社区工作站负责人为党员；是否任社区党组织书记未知。",
                ),
            ),
            (
                False,
                True,
                (
                    Status.NOT_APPLICABLE,
                    None,
                    None,
                    "Not applicable: the workstation head is not a Party member; the rule applies only "
                    "to a head who is.",
                    "不适用：社区工作站负责人不是党员；本规则仅适用于负责人是党员的情形。",
                ),
            ),
            (
                None,
                True,
                (
                    Status.UNKNOWN,
                    None,
                    None,
                    "Not known whether the workstation head is a Party member, so whether the rule applies.",
                    "社区工作站负责人是否为党员未知，无法判断本规则是否适用。",
                ),
            ),
        ],
    )
    def test_party_secretary(
        self, member: bool | None, secretary: bool | None, expected: tuple[object, ...]
    ) -> None:
        status, required, actual, en, zh = expected
        ws = Workstation(exists=True, head_party_member=member, head_is_party_secretary=secretary)
        f = by_rule(community(workstation=ws), office="O1")["organisation.party_secretary"]
        assert f == _expected(
            "organisation.party_secretary",
            status,  # type: ignore[arg-type]
            required=required,
            actual=actual,
            message_en=en,
            message_zh=zh,
            inputs=(
                ("workstation.head_party_member", member),
                ("workstation.head_is_party_secretary", secretary),
            ),
        )

    def test_not_a_community(self) -> None:
        with pytest.raises(InvalidType) as err:
            list(check_community("C1"))  # type: ignore[arg-type]
        assert (err.value.path, err.value.value) == ("community", "C1")
        assert err.value.message_en == "is a str; expected a Community"
        assert err.value.message_zh == "类型为 str；应为 Community"


_T1_EN = "1. sub-district office: "
_T2_EN = "2. workstation and residents' committee: "
_T3_EN = "3. sub-area heads and building heads: "
_T1_ZH, _T2_ZH, _T3_ZH = "1. 街道办事处：", "2. 社区工作站和居委会：", "3. 小区长和楼长："


def _tiers(
    status: Status,
    counts: tuple[int, int, int],
    en: tuple[str, str, str],
    zh: tuple[str, str, str],
    inputs: tuple[tuple[str, object], ...],
    office: str | None = "O1",
) -> Finding:
    """The tiers finding: ``counts`` (in place, missing, not known), each tier's account in ``en``, ``zh``."""
    present, missing, unknown = counts
    return _expected(
        "organisation.tiers",
        status,
        office=office,
        required=3,
        actual=present,
        gap=missing,
        unit="tiers",
        message_en=f"{present} of 3 tiers in place, {missing} missing, {unknown} not known — "
        f"{_T1_EN}{en[0]}; {_T2_EN}{en[1]}; {_T3_EN}{en[2]}.",
        message_zh=f"分级管理三级中 {present} 级健全、{missing} 级缺失、{unknown} 级未知——"
        f"{_T1_ZH}{zh[0]}；{_T2_ZH}{zh[1]}；{_T3_ZH}{zh[2]}。",
        inputs=inputs,
    )


def _tiers_inputs(
    office: str | None,
    exists: bool | None,
    sub_areas: int | None,
    heads: int | None,
    buildings: int,
    households: int | None,
    as_of: str | None = None,
) -> tuple[tuple[str, object], ...]:
    return (
        ("office", office),
        ("workstation.exists", exists),
        ("sub_areas", sub_areas),
        ("building_heads", heads),
        ("buildings", buildings),
        ("households", households),
        ("as_of", as_of),
    )


class TestTiersFindingsInFull:
    """Whole tiers findings (2.2.3), each tier's account in both languages (found by mutation testing).

    The mutation run of organisation.py (docs/strategies.md, "Mutation testing") showed that no test
    read most of the tiers' accounts, nor how the states of the sub-area and building-head parts of
    the third tier combine.
    """

    RULE = "organisation.tiers"

    def tiers(self, c: Community, **kw: object) -> Finding:
        return by_rule(c, **kw)[self.RULE]

    def test_every_tier_in_place(self) -> None:
        # 3 buildings (100 + 120 + 90 = 310 households), one sub-area with a head, one head for all.
        assert self.tiers(community(), office="O1") == _tiers(
            Status.MET,
            (3, 0, 0),
            (
                "led by sub-district office O1",
                "workstation set up beside the committee",
                "1 sub-area, with a head; every building has a building head",
            ),
            ("由街道办事处 O1 领导", "已设立社区工作站", "1 个居民小区均设小区长；每栋楼均有楼长"),
            _tiers_inputs("O1", True, 1, 1, 3, 310),
        )

    def test_office_from_the_workstation_no_workstation_and_vacant_sub_areas(self) -> None:
        # Checked alone; the workstation record says dispatched by an office (tier 1 in place) but
        # that it does not exist (tier 2 missing); two of three sub-areas have no head (tier 3
        # missing, whatever the building heads, which are not known).
        ws = Workstation(exists=False, dispatched_by_office=True)
        areas = (ExistingSubArea("A1"), ExistingSubArea("A2", head="S2"), ExistingSubArea("A3"))
        c = community(workstation=ws, sub_areas=areas, building_heads=None)
        assert self.tiers(c) == _tiers(
            Status.NOT_MET,
            (1, 2, 0),
            (
                "its workstation is dispatched by a sub-district office",
                "no workstation",
                "2 of 3 sub-areas without a head (A1, A3); building heads not known",
            ),
            (
                "社区工作站由街道办事处派出",
                "未设立社区工作站",
                "3 个居民小区中 2 个未设小区长（A1、A3）；楼长情况未知",
            ),
            _tiers_inputs(None, False, 3, None, 3, 310),
            office=None,
        )

    def test_office_and_workstation_unknown_buildings_without_heads(self) -> None:
        # Nothing known about the workstation, checked alone: tiers 1 and 2 not known; sub-areas not
        # known but B2 and B3 have no building head: tier 3 missing.
        heads = (BuildingHead("H1", buildings=("B1",)),)
        c = community(workstation=None, sub_areas=None, building_heads=heads)
        assert self.tiers(c) == _tiers(
            Status.NOT_MET,
            (0, 1, 2),
            (
                "sub-district office not given (community checked alone)",
                "workstation not known",
                "sub-areas not known; 2 of 3 buildings without a building head (B2, B3)",
            ),
            ("未给出所属街道办事处", "社区工作站情况未知", "居民小区情况未知；3 栋楼中 2 栋无楼长（B2、B3）"),
            _tiers_inputs(None, None, None, 1, 3, 310),
            office=None,
        )

    def test_nothing_in_place_nothing_missing(self) -> None:
        # The workstation's existence not known and not dispatched, checked alone; two sub-areas with
        # their heads but building heads not known: all three tiers not known.
        ws = Workstation(exists=None, dispatched_by_office=False)
        areas = (ExistingSubArea("A1", head="S1"), ExistingSubArea("A2", head="S2"))
        c = community(workstation=ws, sub_areas=areas, building_heads=None)
        assert self.tiers(c) == _tiers(
            Status.UNKNOWN,
            (0, 0, 3),
            (
                "sub-district office not given (community checked alone)",
                "workstation not known",
                "2 sub-areas, each with a head; building heads not known",
            ),
            ("未给出所属街道办事处", "社区工作站情况未知", "2 个居民小区均设小区长；楼长情况未知"),
            _tiers_inputs(None, None, 2, None, 3, 310),
            office=None,
        )

    def test_sub_areas_unknown_building_heads_in_place(self) -> None:
        assert self.tiers(community(sub_areas=None), office="O1") == _tiers(
            Status.UNKNOWN,
            (2, 0, 1),
            (
                "led by sub-district office O1",
                "workstation set up beside the committee",
                "sub-areas not known; every building has a building head",
            ),
            ("由街道办事处 O1 领导", "已设立社区工作站", "居民小区情况未知；每栋楼均有楼长"),
            _tiers_inputs("O1", True, None, 1, 3, 310),
        )

    def test_no_households(self) -> None:
        c = Community("C1", households=0, workstation=FULL, sub_areas=(), building_heads=())
        assert self.tiers(c, office="O1") == _tiers(
            Status.MET,
            (3, 0, 0),
            (
                "led by sub-district office O1",
                "workstation set up beside the committee",
                "no households, so no heads are needed",
            ),
            ("由街道办事处 O1 领导", "已设立社区工作站", "无住户，无需小区长和楼长"),
            _tiers_inputs("O1", True, 0, 0, 0, 0),
        )

    def test_households_without_buildings_or_sub_areas(self) -> None:
        # 400 households, no building listed, no sub-area marked out; two building heads, one of whom
        # left on 30 June: on 1 July one serves (the input counts both recorded heads).
        heads = (BuildingHead("H1", end=datetime.date(2009, 6, 30)), BuildingHead("H2"))
        c = Community("C1", households=400, workstation=FULL, sub_areas=(), building_heads=heads)
        assert self.tiers(c, office="O1", as_of=datetime.date(2009, 7, 1)) == _tiers(
            Status.NOT_MET,
            (2, 1, 0),
            (
                "led by sub-district office O1",
                "workstation set up beside the committee",
                "no sub-area marked out; 1 building head",
            ),
            ("由街道办事处 O1 领导", "已设立社区工作站", "未划分居民小区；楼长 1 名"),
            _tiers_inputs("O1", True, 0, 2, 0, 400, "2009-07-01"),
        )

    def test_two_building_heads_serving_without_buildings_listed(self) -> None:
        # The same community with both heads still in post on 30 June: "2 building heads"
        # (and "1 building head" above, in the singular).
        heads = (BuildingHead("H1", end=datetime.date(2009, 6, 30)), BuildingHead("H2"))
        c = Community("C1", households=400, workstation=FULL, sub_areas=(), building_heads=heads)
        f = self.tiers(c, office="O1", as_of=datetime.date(2009, 6, 30))
        assert f.message_en.endswith("no sub-area marked out; 2 building heads.")
        assert f.message_zh.endswith("未划分居民小区；楼长 2 名。")

    def test_households_without_buildings_or_building_heads(self) -> None:
        # The sub-area has its head but nobody cares for the 400 households' buildings: tier 3 missing.
        c = Community(
            "C1",
            households=400,
            workstation=FULL,
            sub_areas=(ExistingSubArea("A1", head="S1"),),
            building_heads=(BuildingHead("H1", start=datetime.date(2010, 1, 1)),),
        )
        assert self.tiers(c, office="O1", as_of=datetime.date(2009, 12, 31)) == _tiers(
            Status.NOT_MET,
            (2, 1, 0),
            (
                "led by sub-district office O1",
                "workstation set up beside the committee",
                "1 sub-area, with a head; no building head",
            ),
            ("由街道办事处 O1 领导", "已设立社区工作站", "1 个居民小区均设小区长；无楼长"),
            _tiers_inputs("O1", True, 1, 1, 0, 400, "2009-12-31"),
        )

    def test_no_homes_known(self) -> None:
        # No households and no buildings known, no sub-area and no head recorded: not known.
        c = Community("C1", workstation=FULL, sub_areas=(), building_heads=())
        assert self.tiers(c, office="O1") == _tiers(
            Status.UNKNOWN,
            (2, 0, 1),
            (
                "led by sub-district office O1",
                "workstation set up beside the committee",
                "no sub-area and no households known; no building head and no buildings known",
            ),
            ("由街道办事处 O1 领导", "已设立社区工作站", "无居民小区，住户情况未知；无楼长，楼栋情况未知"),
            _tiers_inputs("O1", True, 0, 0, 0, None),
        )
