"""cr.check, Report, explanations and the comparison of readings (issue 7).

Expected values are worked out by hand from the sample district
(community_rules/data/sample_district.toml) and the opinion's numbers.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import attrs
import pytest

import community_rules as cr
from community_rules.compliance import RULE_MODULES, Change
from community_rules.policy import OfficeFundsRule, StaffQuotaRounding

SAMPLE = cr.sample_district()
REPORT = cr.check(SAMPLE)


def one(report: cr.Report, rule: str, community: str | None, subject: str | None = None) -> cr.Finding:
    found = [f for f in report.select(rule=rule, community=community) if f.subject == subject]
    assert len(found) == 1, found
    return found[0]


class TestSampleByHand:
    def test_dongshan_1_space(self) -> None:
        # Old town: at least 150 m² (3.3); it has 120 → 30 short.
        f = one(REPORT, "space.minimum", "dongshan-1")
        assert (f.status, f.required, f.actual, f.gap, f.unit) == (
            cr.Status.NOT_MET,
            Decimal("150"),
            Decimal("120"),
            Decimal("30"),
            "m²",
        )
        assert f.clause == "3.3"
        assert f.modality is cr.Modality.MANDATORY
        assert f.office == "dongshan"

    def test_dongshan_1_staff_quota(self) -> None:
        # ceil(980 / 300) = 4 workers; 2 in post → 2 short, an in-principle rule.
        f = one(REPORT, "staffing.quota", "dongshan-1")
        assert (f.status, f.modality, f.required, f.actual, f.gap) == (
            cr.Status.NOT_MET,
            cr.Modality.IN_PRINCIPLE,
            4,
            2,
            2,
        )
        assert "I-4" in f.interpretations

    def test_dongshan_1_office_funds_exactly_at_minimum(self) -> None:
        # 980 households × 10 yuan = 9,800.00; granted 9,800.00 → met (≥ is inclusive).
        f = one(REPORT, "funding.office_funds", "dongshan-1")
        assert (f.status, f.required, f.actual) == (cr.Status.MET, Decimal("9800.00"), Decimal("9800.00"))
        # 80 % of 9,800.00 = 7,840.00 granted → met.
        w = one(REPORT, "funding.welfare_funds", "dongshan-1")
        assert (w.status, w.required) == (cr.Status.MET, Decimal("7840.00"))

    def test_dongshan_1_insurance_per_staff_member(self) -> None:
        # 李强 (male) lacks unemployment insurance; 王芳 (female) has all five.
        assert one(REPORT, "funding.insurance", "dongshan-1", "DS-S1").status is cr.Status.MET
        f = one(REPORT, "funding.insurance", "dongshan-1", "DS-S2")
        assert (f.status, f.gap) == (cr.Status.NOT_MET, "unemployment")

    def test_dongshan_1_education_in_principle(self) -> None:
        f = one(REPORT, "staffing.education", "dongshan-1", "DS-S2")
        assert (f.status, f.modality) == (cr.Status.NOT_MET, cr.Modality.IN_PRINCIPLE)
        assert not f.is_failure  # an in-principle finding is never a failure

    def test_dongshan_2(self) -> None:
        # 950 households → 9,500.00; granted 9,000.00 → 500.00 short.
        f = one(REPORT, "funding.office_funds", "dongshan-2")
        assert (f.status, f.gap) == (cr.Status.NOT_MET, Decimal("500.00"))
        # 150 m² meets "150平方米以上" (inclusive, I-12).
        assert one(REPORT, "space.minimum", "dongshan-2").status is cr.Status.MET
        # Welfare fund not reported → unknown, never a guess.
        assert one(REPORT, "funding.welfare_funds", "dongshan-2").status is cr.Status.UNKNOWN
        # The plan: sub-area XG-B has no head; XG-H1 cares for 4 buildings; XG-7 has no head.
        assert one(REPORT, "partitioning.sub_area_head", "dongshan-2", "XG-B").status is cr.Status.NOT_MET
        assert (
            one(REPORT, "partitioning.building_head_span", "dongshan-2", "XG-H1").status is cr.Status.NOT_MET
        )
        assert (
            one(REPORT, "partitioning.building_head_coverage", "dongshan-2", "XG-7").status
            is cr.Status.NOT_MET
        )

    def test_xincheng_1(self) -> None:
        # ceil(1,930 / 300) = 7, 5 in post; welfare 80 % × 19,300 = 15,440 > 15,000;
        # "funds follow tasks": 18,000 kept of 20,000 received.
        assert one(REPORT, "staffing.quota", "xincheng-1").gap == 2
        assert one(REPORT, "funding.welfare_funds", "xincheng-1").gap == Decimal("440.00")
        assert one(REPORT, "funding.task_funds", "xincheng-1").gap == Decimal("2000.00")
        assert one(REPORT, "space.minimum", "xincheng-1").status is cr.Status.MET  # 320 ≥ 300

    def test_space_target_needs_the_year(self) -> None:
        # 5 of 9 committees meet the standard; 70 % of 9 needs ceil(6.3) = 7.
        f = one(REPORT, "space.target", None)
        assert (f.status, f.required, f.actual, f.gap) == (cr.Status.UNKNOWN, 7, 5, 2)
        assert "adoption_year" in f.message_en
        policy = attrs.evolve(cr.DEFAULT_POLICY, adoption_year=2025)
        dated = cr.check(SAMPLE, policy=policy, as_of=datetime.date(2025, 12, 31))
        assert one(dated, "space.target", None).status is cr.Status.NOT_MET

    def test_every_status_and_clause_family_appears(self) -> None:
        assert all(n > 0 for n in REPORT.counts().values())
        families = {f.clause.split(".")[0] for f in REPORT.findings}
        assert families == {"2", "3"}
        clauses = {f.clause for f in REPORT.findings}
        assert {"2.1", "2.2.1", "2.2.3", "3.1", "3.2", "3.3"} <= clauses


class TestReport:
    def test_one_community(self) -> None:
        community = SAMPLE.community("nanhu-1")
        report = cr.check(community)
        assert report.subject == "nanhu-1"
        assert report.offices == ()
        assert {f.community for f in report.findings} == {"nanhu-1"}

        # Checking alone or in the district gives the same results (messages may
        # name the office).
        def essence(fs: tuple[cr.Finding, ...]) -> list[tuple[object, ...]]:
            return [(f.rule, f.subject, f.status, f.required, f.actual, f.gap) for f in fs]

        assert essence(report.findings) == essence(REPORT.select(community="nanhu-1"))

    def test_office(self) -> None:
        office = SAMPLE.offices[2]
        report = cr.check(office)
        assert {f.office for f in report.findings if f.community} == {"nanhu"}

    def test_counts_and_groupings(self) -> None:
        counts = REPORT.counts()
        assert sum(counts.values()) == len(REPORT.findings)
        by_office = REPORT.counts_by("office")
        assert set(by_office) == {"dongshan", "xincheng", "nanhu", "—"}
        assert sum(sum(c.values()) for c in by_office.values()) == len(REPORT.findings)
        with pytest.raises(cr.InvalidValue, match="not a grouping"):
            REPORT.counts_by("colour")

    def test_failures_are_mandatory_not_met(self) -> None:
        assert REPORT.failures()
        assert all(
            f.status is cr.Status.NOT_MET and f.modality is cr.Modality.MANDATORY for f in REPORT.failures()
        )
        assert REPORT.has_failures()
        compliant = cr.check(SAMPLE.community("nanhu-1"))
        assert not compliant.select(status="not_met")

    def test_select_by_clause_prefix(self) -> None:
        assert {f.clause for f in REPORT.select(clause="3")} == {"3.1", "3.2", "3.3"}
        assert all(f.clause.startswith("2.2") for f in REPORT.select(clause="2.2"))

    def test_rows_for_pandas(self) -> None:
        rows = REPORT.rows()
        assert len(rows) == len(REPORT.findings)
        assert {"rule", "clause", "status", "community"} <= set(rows[0])
        assert all(isinstance(r["status"], str) for r in rows)

    def test_str(self) -> None:
        assert str(REPORT).startswith("Report(gaoqu: ")

    def test_bad_arguments(self) -> None:
        with pytest.raises(cr.InvalidType, match="subject"):
            cr.check("gaoqu")  # type: ignore[arg-type]
        with pytest.raises(cr.InvalidType, match="as_of"):
            cr.check(SAMPLE, as_of="2025-01-01")  # type: ignore[arg-type]
        with pytest.raises(cr.InvalidType, match="policy"):
            cr.check(SAMPLE, policy={"adoption_year": 2025})  # type: ignore[arg-type]

    def test_progress(self) -> None:
        seen: list[tuple[int, int]] = []
        cr.check(SAMPLE, progress=lambda done, total: seen.append((done, total)))
        assert seen == [(i, 9) for i in range(1, 10)]

    def test_policy_timeline(self) -> None:
        raised = attrs.evolve(cr.DEFAULT_POLICY, office_funds_per_thousand=Decimal("12000"))
        timeline = cr.PolicyTimeline.of({"2009-01-01": cr.DEFAULT_POLICY, "2012-07-01": raised})
        early = cr.check(SAMPLE, policy=timeline, as_of=datetime.date(2010, 5, 1))
        late = cr.check(SAMPLE, policy=timeline, as_of=datetime.date(2013, 5, 1))
        assert early.policy_effective == datetime.date(2009, 1, 1)
        assert late.policy_effective == datetime.date(2012, 7, 1)
        # 980 households × 12 yuan = 11,760.00 under the raised standard.
        assert one(late, "funding.office_funds", "dongshan-1").required == Decimal("11760.00")
        assert one(early, "funding.office_funds", "dongshan-1").required == Decimal("9800.00")


class TestRules:
    def test_registry(self) -> None:
        ids = [r.id for r in cr.rules()]
        assert len(ids) == len(set(ids))
        assert {r.source.rsplit(".", 1)[1] for r in cr.rules()} == set(RULE_MODULES)
        clause_ids = {c.id for c in cr.clauses()}
        assert all(r.clause in clause_ids for r in cr.rules())
        assert cr.rule("staffing.quota").clause == "3.1"

    def test_every_rule_gives_a_finding_for_every_community(self) -> None:
        community_rules = {r.id for r in cr.rules()} - {"space.target", "space.public_rooms"}
        for community in SAMPLE.communities():
            assert community_rules <= {f.rule for f in REPORT.select(community=community.id)}

    def test_unknown_rule(self) -> None:
        with pytest.raises(cr.UnknownRule, match=r"staffing\.quota") as info:
            cr.rule("staffing.quotas")
        assert isinstance(info.value, LookupError)
        assert isinstance(info.value, ValueError)

    def test_findings_cite_known_interpretations_and_parameters(self) -> None:
        known = {i.id for i in cr.interpretations()}
        fields = set(attrs.fields_dict(cr.Policy))
        for f in REPORT.findings:
            assert set(f.interpretations) <= known, f
            assert set(f.parameters) <= fields, f
            assert f.message_en, f
            assert f.message_zh, f


class TestExplain:
    def test_explanation_steps(self) -> None:
        (e,) = REPORT.explain("funding.office_funds", "dongshan-2")
        assert e.clause.id == "3.2"
        assert "每千户每年不少于1万元" in e.clause.text_zh
        assert {p.name for p in e.parameters} >= {"office_funds_per_thousand", "office_funds_rule"}
        assert [i.id for i in e.interpretations][:1] == ["I-6"]
        text = e.to_text("en")
        assert "office_funds_per_thousand = 10000" in text
        assert "9500.00 yuan" in text
        assert "9000.00 yuan" in text
        assert "要求" in e.to_text("zh")

    def test_explain_unknown(self) -> None:
        with pytest.raises(cr.UnknownRule):
            REPORT.explain("nope.nope")
        with pytest.raises(cr.InvalidValue, match="not a community"):
            REPORT.explain("space.minimum", "atlantis")

    def test_effective_date_in_explanation(self) -> None:
        timeline = cr.PolicyTimeline.of({"2009-01-01": cr.DEFAULT_POLICY})
        report = cr.check(SAMPLE, policy=timeline, as_of=datetime.date(2011, 1, 1))
        (e,) = report.explain("space.minimum", "dongshan-1")
        assert e.policy_effective == datetime.date(2009, 1, 1)
        assert "2009-01-01" in e.to_text()


class TestCompare:
    def test_office_funds_per_started_thousand(self) -> None:
        alt = attrs.evolve(cr.DEFAULT_POLICY, office_funds_rule=OfficeFundsRule.PER_STARTED_THOUSAND)
        diff = cr.compare(SAMPLE, alt)
        assert diff.interpretations == ("I-6",)
        assert diff.changed_fields == (
            ("office_funds_rule", OfficeFundsRule.PRO_RATA, OfficeFundsRule.PER_STARTED_THOUSAND),
        )
        change = next(
            c for c in diff.changes if c.rule == "funding.office_funds" and c.community == "dongshan-1"
        )
        # ceil(980 / 1000) × 10,000 = 10,000.00 > 9,800.00 granted.
        assert isinstance(change, Change)
        assert change.after is not None
        assert change.after.required == Decimal("10000.00")
        assert change.after.status is cr.Status.NOT_MET
        assert diff

    def test_same_policy_changes_nothing(self) -> None:
        diff = cr.compare(SAMPLE, cr.DEFAULT_POLICY)
        assert not diff
        assert diff.changes == ()
        assert diff.changed_fields == ()

    def test_compare_rejects_non_policy(self) -> None:
        with pytest.raises(cr.InvalidType, match="alternative"):
            cr.compare(SAMPLE, {"office_funds_rule": "x"})  # type: ignore[arg-type]

    def test_sensitivity(self) -> None:
        comparisons = cr.sensitivity(SAMPLE)
        readings = {c.changed_fields[0][0] for c in comparisons}
        assert {
            "sub_area_rule",
            "staff_quota_rounding",
            "office_funds_rule",
            "space_threshold_inclusive",
        } <= readings
        quota = next(c for c in comparisons if c.changed_fields[0][2] == StaffQuotaRounding.HALF_UP)
        # Half up: 980 / 300 = 3.27 → 3 instead of 4; dongshan-1 is still short (2 in post).
        change = next(c for c in quota.changes if c.rule == "staffing.quota" and c.community == "dongshan-1")
        assert change.after is not None
        assert change.after.required == 3
        # 150 m² stops meeting the standard when 以上 is read as exclusive.
        inclusive = next(c for c in comparisons if c.changed_fields[0][0] == "space_threshold_inclusive")
        assert any(c.rule == "space.minimum" and c.community == "dongshan-2" for c in inclusive.changes)


class TestJsonAndDeterminism:
    def test_json_parses_and_matches(self) -> None:
        data = json.loads(REPORT.to_json())
        assert data["schema_version"] == "1.0"
        assert data["subject"] == "gaoqu"
        assert len(data["findings"]) == len(REPORT.findings)
        assert data["summary"]["status"] == {s.value: n for s, n in REPORT.counts().items()}
        assert data["source_sha256"] == cr.SOURCE.sha256

    def test_json_is_byte_identical(self) -> None:
        assert cr.check(SAMPLE).to_json() == REPORT.to_json()
