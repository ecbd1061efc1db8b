"""Tests of the traceability between the opinion, the rules of the analysis and the code.

The same checks as the documentation build (``docs/_ext/traceability.py``),
so that a clause id in the code that the opinion lacks, or a name in
``docs/_ext/rules_map.toml`` that the code lacks, fails the test suite too —
and tests that those checks do catch what they are meant to catch.
"""

from __future__ import annotations

import dataclasses
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

import community_rules as cr
from community_rules.enums import Modality
from community_rules.findings import Rule

EXT = Path(__file__).resolve().parent.parent / "docs" / "_ext"
if str(EXT) not in sys.path:
    sys.path.insert(0, str(EXT))

import tracemap  # noqa: E402


@pytest.fixture(scope="module")
def trace() -> tracemap.Trace:
    return tracemap.build()


class TestNoProblems:
    def test_the_opinion_the_map_and_the_code_agree(self, trace: tracemap.Trace) -> None:
        problems = trace.problems()
        assert problems == [], "\n".join(problems)

    def test_every_clause_id_in_the_code_is_a_clause_of_the_opinion(self, trace: tracemap.Trace) -> None:
        ids = set(cr.opinion.clause_ids())
        assert {c.clause for c in trace.citations} <= ids

    def test_every_rule_of_check_is_traced(self, trace: tracemap.Trace) -> None:
        traced = {r.id for r in trace.rules}
        assert {r.id for r in cr.rules()} <= traced
        # the assessment's rules are run by assess(), not check(), and are traced too
        assert {"assessment.plan_filed", "assessment.assessed", "assessment.resident_evaluation"} <= traced

    def test_every_rule_is_claimed_by_a_rule_of_the_analysis(self, trace: tracemap.Trace) -> None:
        claimed = {rid for e in trace.entries for rid in e.rules}
        assert {r.id for r in trace.rules} <= claimed

    def test_every_rule_is_named_by_a_test(self, trace: tracemap.Trace) -> None:
        untested = [r.id for r in trace.rules if not trace.tests_of_rule(r.id)]
        assert untested == []


class TestTheMap:
    def test_r01_to_r62_in_order(self, trace: tracemap.Trace) -> None:
        assert trace.map_count == 62
        assert [e.id for e in trace.entries] == [f"R{n:02d}" for n in range(1, 63)]

    @pytest.mark.parametrize(
        ("rid", "clause", "modality", "rules", "status"),
        [
            # rules.md R09: 原则上每500户为一小区 — IN_PRINCIPLE, checked by the partitioning rules
            (
                "R09",
                "2.2.1",
                "IN_PRINCIPLE",
                ("partitioning.sub_areas", "partitioning.sub_area_size"),
                "checked",
            ),
            # R21: 原则上按照每300户配备1人 — checked by staffing.quota
            ("R21", "3.1", "IN_PRINCIPLE", ("staffing.quota",), "checked"),
            # R26: 每千户每年不少于1万元 — MANDATORY floor
            ("R26", "3.2", "MANDATORY", ("funding.office_funds",), "checked"),
            # R15: 100 yuan a month, computed (the data record no payments)
            ("R15", "2.2.2", "MANDATORY", (), "computed"),
            # R42: the Social Affairs Bureau's duties, recorded as data
            ("R42", "4.2", "MANDATORY", (), "recorded"),
            # R61: implementation plans, nothing to compute
            ("R61", "5", "MANDATORY", (), "out of scope"),
        ],
    )
    def test_entries(
        self, trace: tracemap.Trace, rid: str, clause: str, modality: str, rules: tuple[str, ...], status: str
    ) -> None:
        e = trace.entry(rid)
        assert (e.clause, e.modality, e.rules, e.status) == (clause, modality, rules, status)

    def test_out_of_scope_entries_give_a_reason_and_no_rule(self, trace: tracemap.Trace) -> None:
        out = [e for e in trace.entries if e.status == "out of scope"]
        assert out, "some rules of the analysis are out of scope (R17, R61 …)"
        for e in out:
            assert e.out_of_scope.strip(), e.id
            assert not e.rules, e.id

    def test_every_entry_is_implemented_or_out_of_scope(self, trace: tracemap.Trace) -> None:
        for e in trace.entries:
            assert e.out_of_scope or e.rules or e.code or e.duties, e.id

    def test_duties_of_4_2_are_recorded(self, trace: tracemap.Trace) -> None:
        from community_rules.duties import DUTIES

        # every duty the duties module records from clause 4.2 (R41–R48) is named in the map
        named = {d for e in trace.entries for d in e.duties}
        assert {d.id for d in DUTIES if d.clause == "4.2"} <= named


def _entry(**changes: Any) -> tracemap.Entry:
    """A correct entry (R01 checked by organisation.workstation), with ``changes``."""
    base = tracemap.Entry(
        id="R01",
        clause="2.1",
        modality="MANDATORY",
        marker="",
        text="A workstation.",
        rules=("organisation.workstation",),
    )
    return dataclasses.replace(base, **changes)


class TestTheChecksCatch:
    """Each check fails on the mistake it is there for (so that a clean run means something)."""

    def _check(self, trace: tracemap.Trace, *entries: tracemap.Entry) -> list[str]:
        return tracemap._check_map(entries, len(entries), trace.rules, frozenset(cr.opinion.clause_ids()))

    def test_a_clean_entry_passes(self, trace: tracemap.Trace) -> None:
        problems = self._check(trace, _entry())
        # the one entry claims one rule; every other rule is unclaimed — and only that is reported
        assert problems
        assert all("is claimed by no rule of the analysis" in p for p in problems)

    @pytest.mark.parametrize(
        ("changes", "expected"),
        [
            ({"rules": ("organisation.no_such_rule",)}, "rule 'organisation.no_such_rule' does not exist"),
            ({"clause": "9.9"}, "clause '9.9' is not a clause of the opinion"),
            ({"rules": ("staffing.quota",)}, "is of clause 3.1, not of 2.1"),
            (
                {"code": ("staffing.no_such_function",)},
                "community_rules.staffing.no_such_function is not a public",
            ),
            ({"code": ("staffing._check_plan",)}, "community_rules.staffing._check_plan is not a public"),
            ({"duties": ("R99.1",)}, "duty 'R99.1' is not in"),
            ({"policy": ("households_per_worker",)}, "'households_per_worker' is not a Policy field"),
            ({"interpretations": ("I-21",)}, "'I-21' is not an interpretation"),
            ({"modality": "SHALL"}, "modality 'SHALL'"),
            ({"text": ""}, "the rule's text is missing"),
            ({"out_of_scope": "qualitative"}, "out of scope, yet checked"),
            ({"rules": (), "out_of_scope": ""}, "names no rule, code or duty"),
        ],
    )
    def test_a_broken_entry_is_reported(
        self, trace: tracemap.Trace, changes: dict[str, Any], expected: str
    ) -> None:
        problems = self._check(trace, _entry(**changes))
        assert any(expected in p for p in problems), problems

    def test_a_gap_in_the_numbering_is_reported(self, trace: tracemap.Trace) -> None:
        problems = tracemap._check_map(
            (_entry(), _entry(id="R03")), 3, trace.rules, frozenset(cr.opinion.clause_ids())
        )
        assert any("must list R01…R03" in p and "R02" in p for p in problems), problems

    def test_a_citation_of_a_clause_the_opinion_lacks_is_reported(self, trace: tracemap.Trace) -> None:
        bad = tracemap.Citation("3.4", "module", "community_rules.space", "community_rules.space")
        problems = tracemap._check_code((bad,), (), frozenset(cr.opinion.clause_ids()))
        assert len(problems) == 1
        assert "cites clause '3.4'" in problems[0]

    def test_a_rule_resting_on_an_unknown_reading_is_reported(self) -> None:
        rule = Rule(
            "space.x", "3.3", Modality.MANDATORY, "X", "X", interpretations=("I-99",), parameters=("nope",)
        )
        info = tracemap.RuleInfo(rule, "community_rules.space", False)
        problems = tracemap._check_code((), (info,), frozenset(cr.opinion.clause_ids()))
        assert any("'I-99'" in p for p in problems), problems
        assert any("'nope'" in p for p in problems), problems

    def test_a_map_file_with_an_unknown_key(self, tmp_path: Path) -> None:
        path = tmp_path / "map.toml"
        path.write_text(
            '[source]\ncount = 1\n[R01]\nclause = "2.1"\nmodality = "MANDATORY"\ntext = "x"\n'
            'rule = ["organisation.workstation"]\n[Rx]\nclause = "2.1"\n',
            encoding="utf-8",
        )
        entries, count, problems = tracemap.load_map(path)
        assert count == 1
        assert [e.id for e in entries] == ["R01"]
        assert any("unknown keys ['rule']" in p for p in problems)
        assert any("[Rx] is not a rule id" in p for p in problems)


class TestCitations:
    @pytest.mark.parametrize(
        ("text", "cited"),
        [
            ("Staffing (clause 3.1).", ("3.1",)),
            ("Funding (clauses 2.2.2, 3.2).", ("2.2.2", "3.2")),
            ("The workstation (clauses 2.1 and 2.2.3).", ("2.1", "2.2.3")),
            ("Clause 4.3 of the opinion", ("4.3",)),
            ("see clause 3.2, 80 % of the office funds", ("3.2",)),  # 80 is not a clause
            ("clause 3.2, 100 yuan and 5 buildings", ("3.2",)),
            ("clauses 3.1 and 5", ("3.1", "5")),
            ("clause 12", ("12",)),  # cited, and so caught as a clause the opinion lacks
            ("no citation here: 3.2 alone is a number", ()),
        ],
    )
    def test_parse(self, text: str, cited: tuple[str, ...]) -> None:
        assert tracemap.parse_clause_citations(text) == cited

    def test_the_kinds_of_citation_gathered(self, trace: tracemap.Trace) -> None:
        kinds = {c.kind for c in trace.citations}
        assert {"rule", "policy", "interpretation", "module", "class"} <= kinds
        assert (
            tracemap.Citation("3.1", "policy", "Policy.households_per_staff", "community_rules.policy")
            in trace.citations
        )
        assert ("3.1", "module", "community_rules.staffing") in {
            (c.clause, c.kind, c.name) for c in trace.citations
        }

    def test_module_docstrings(self) -> None:
        assert tracemap.module_clauses("community_rules.staffing") == ("3.1",)
        assert set(tracemap.module_clauses("community_rules.organisation")) == {"2.1", "2.2.3"}


class TestTestScan:
    def _scan(self, tmp_path: Path, source: str) -> dict[str, tracemap.TestCase]:
        (tmp_path / "test_sample.py").write_text(textwrap.dedent(source), encoding="utf-8")
        rule_ids = frozenset({"staffing.quota", "space.minimum"})
        cases, _ = tracemap.scan_tests(tmp_path, rule_ids, frozenset(cr.opinion.clause_ids()))
        return {c.short: c for c in cases}

    def test_mentions(self, tmp_path: Path) -> None:
        cases = self._scan(
            tmp_path,
            '''
            """Tests (clause 3.3)."""
            from decimal import Decimal
            import community_rules as cr
            from community_rules.staffing import staff_quota as quota

            class TestThings:
                def test_rule_and_clause(self):
                    assert cr.rule("staffing.quota").clause == "3.1"

                def test_calls(self):
                    # R08–R10 and I-4: see clause 2.2.1
                    assert quota(1150) == 4 and cr.space_progress([]) is not None

                def test_decimals_are_not_clauses(self):
                    assert Decimal("3.2") > 0 and "x".partition(".")

                def helper(self):
                    return "space.minimum"

            def test_duty():
                assert "R42.1"
            ''',
        )
        assert set(cases) == {
            "TestThings.test_rule_and_clause",
            "TestThings.test_calls",
            "TestThings.test_decimals_are_not_clauses",
            "test_duty",
        }
        first = cases["TestThings.test_rule_and_clause"]
        assert first.rules == {"staffing.quota"}
        assert first.clauses == {"3.1"}
        calls = cases["TestThings.test_calls"]
        assert {"staff_quota", "space_progress"} <= calls.calls
        assert calls.r_ids == {"R08", "R09", "R10"}
        assert calls.interpretations == {"I-4"}
        assert calls.clauses == {"2.2.1"}
        decimals = cases["TestThings.test_decimals_are_not_clauses"]
        assert decimals.clauses == set()
        assert "partition" not in decimals.calls

    def test_doc_tests_are_left_out(self, trace: tracemap.Trace) -> None:
        files = {t.file for t in trace.tests}
        assert "test_staffing.py" in files
        assert files.isdisjoint(tracemap.NOT_RULE_TESTS)

    def test_the_tests_of_a_rule_of_the_analysis(self, trace: tracemap.Trace) -> None:
        tests = trace.tests_of_entry(trace.entry("R21"))
        assert any(t.file == "test_staffing.py" and "staff_quota" in t.calls for t in tests)


class TestGeneratedTables:
    def test_glossary_rows(self) -> None:
        rows = {row.zh: row for row in tracemap.glossary_rows()}
        assert set(rows) == set(cr.glossary())
        head = rows["楼长"]
        assert head.en == "building head"
        assert "2.2.1" in head.clauses
        assert "community_rules.partitioning" in head.modules

    def test_public_names(self) -> None:
        names = {n.name: n for n in tracemap.public_names()}
        assert set(names) == set(cr.__all__) - {"__version__"}
        assert names["staff_quota"].module == "community_rules.staffing"
        assert names["staff_quota"].kind == "function"
        assert "3.1" in names["staff_quota"].clauses
        assert names["InvalidValue"].kind == "exception"
        assert names["Partition"].clauses == ("2.2.1",)

    def test_every_clause_with_a_rule_has_tests(self, trace: tracemap.Trace) -> None:
        for info in trace.rules:
            assert trace.tests_of_clause(info.rule.clause), info.rule.clause
