"""Tests of the documentation's sources (the build itself is ``sphinx-build -n -W``).

What can drift without Sphinx noticing, or before a build is run: a page left
out of every table of contents, a module documented twice, a verb of the
command line or a reading I-n without its section, a role naming a rule or a
clause that does not exist, the getting-started commands out of step with the
README. The examples on the pages are doctests, collected by pytest
(``--doctest-glob='*.md'``).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import pytest

import community_rules as cr
from community_rules.cli import _parser

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = {p.stem: p.read_text(encoding="utf-8") for p in sorted(DOCS.glob("*.md"))}

_FENCE = re.compile(r"^(:::+|```+)\{([\w-]+)\}[ \t]*([^\n]*)\n(.*?)^\1[ \t]*$", re.MULTILINE | re.DOTALL)
_AUTOMODULE = re.compile(r"^\s*\.\.\s+automodule::\s+(\S+)", re.MULTILINE)
_ROLE = re.compile(r"\{(clause|rule|reading|analysis)\}`([^`]+)`")


def _directives(page: str, name: str) -> list[tuple[str, str]]:
    """The ``(argument, content)`` of every ``{name}`` directive of ``page``."""
    return [(m.group(3).strip(), m.group(4)) for m in _FENCE.finditer(PAGES[page]) if m.group(2) == name]


def _toctree_entries() -> list[str]:
    entries = []
    for name in ("toctree", "toctree-optional"):
        for _, content in _directives("index", name):
            entries += [
                line.strip() for line in content.splitlines() if line.strip() and not line.startswith(":")
            ]
    return entries


def _verbs() -> list[str]:
    for action in _parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    raise AssertionError("the command line has no verbs")


class TestTableOfContents:
    def test_every_page_is_in_the_table_of_contents(self) -> None:
        listed = {entry.rstrip("?") for entry in _toctree_entries()}
        assert set(PAGES) - {"index"} <= listed

    def test_every_required_entry_exists(self) -> None:
        # an entry ending in "?" is a page another change brings; the others must exist now
        required = [e for e in _toctree_entries() if not e.endswith("?")]
        assert [e for e in required if e not in PAGES] == []
        assert len(required) == len(set(required))

    @pytest.mark.parametrize(
        "page",
        [
            "getting-started",
            "howto-district-system",
            "howto-notebook",
            "howto-property-tests",
            "opinion",
            "interpretations",
            "traceability",
            "glossary",
            "api",
            "exceptions",
            "cli",
            "stability",
            "changelog",
        ],
    )
    def test_the_pages_of_the_site(self, page: str) -> None:
        assert page in PAGES
        assert page in _toctree_entries()


class TestReference:
    def test_no_module_is_documented_twice(self) -> None:
        documented = Counter(m for text in PAGES.values() for m in _AUTOMODULE.findall(text))
        assert [m for m, n in documented.items() if n > 1] == []

    def test_the_modules_listed_in_the_reference_exist(self) -> None:
        listed = [
            line.strip()
            for _, content in _directives("api", "api-modules")
            for line in content.splitlines()
            if line.strip() and not line.strip().startswith(":")
        ]
        assert listed
        assert set(listed) <= set(_public_modules())
        assert len(listed) == len(set(listed))

    def test_the_reference_ends_with_every_other_module(self) -> None:
        rest = _directives("api", "api-modules")[-1]
        assert ":rest:" in rest[1]

    def test_every_exception_is_explained(self) -> None:
        text = PAGES["exceptions"]
        for name in cr.errors.__all__:
            if name != "Error":
                assert f"`~community_rules.errors.{name}`" in text, name


def _public_modules() -> list[str]:
    package = ROOT / "community_rules"
    return [f"community_rules.{p.stem}" for p in sorted(package.glob("*.py")) if not p.stem.startswith("_")]


class TestCommandLine:
    def test_every_verb_has_a_section_and_its_help(self) -> None:
        text = PAGES["cli"]
        helps = {argument for argument, _ in _directives("cli", "cli-help")}
        for verb in _verbs():
            assert re.search(rf"^## .*`{verb}`", text, re.MULTILINE), verb
            assert verb in helps, verb

    def test_every_verb_has_an_example(self) -> None:
        text = PAGES["cli"]
        for verb in _verbs():
            assert re.search(rf'>>> .*"{verb}"', text), verb

    def test_the_common_options_are_described(self) -> None:
        text = PAGES["cli"]
        for option in ("--format", "--lang", "--as-of", "--policy", "--adoption-year", "--output"):
            assert f"`{option}" in text, option


class TestInterpretations:
    def test_one_section_per_reading_in_order(self) -> None:
        sections = [argument for argument, _ in _directives("interpretations", "interpretation")]
        assert sections == [i.id for i in cr.interpretations()]

    def test_each_section_has_a_worked_example(self) -> None:
        for argument, content in _directives("interpretations", "interpretation"):
            assert ">>> " in content, argument

    def test_each_switchable_reading_shows_an_alternative_policy(self) -> None:
        switchable = {i.id for i in cr.interpretations() if i.alternatives}
        for argument, content in _directives("interpretations", "interpretation"):
            if argument in switchable:
                assert "attrs.evolve(DEFAULT" in content, argument


class TestLinks:
    def test_roles_name_what_exists(self) -> None:
        rules = {r.id for r in cr.rules()} | {
            "assessment.plan_filed",
            "assessment.assessed",
            "assessment.resident_evaluation",
        }
        known = {
            "clause": set(cr.opinion.clause_ids()),
            "rule": rules,
            "reading": {i.id for i in cr.interpretations()},
            "analysis": {f"R{n:02d}" for n in range(1, 63)},
        }
        for page, text in PAGES.items():
            for role, target in _ROLE.findall(text):
                assert target in known[role], (page, role, target)

    def test_the_generated_pages_use_their_directives(self) -> None:
        assert _directives("opinion", "opinion-clauses")
        assert _directives("traceability", "traceability-matrix")
        assert _directives("traceability", "rule-index")
        assert _directives("glossary", "opinion-glossary")
        assert _directives("api", "public-names")
        assert _directives("exceptions", "exception-tree")


class TestGettingStarted:
    def test_the_readme_commands(self) -> None:
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        commands = re.findall(r"^```sh\n(.*?)\n```", readme, re.MULTILINE | re.DOTALL)
        assert len(commands) >= 2
        for command in commands[:2]:
            assert command in PAGES["getting-started"], command

    def test_the_tour(self) -> None:
        text = PAGES["getting-started"]
        for call in ("cr.sample_district()", "cr.check(", "cr.partition(", "cr.budget(", "cr.assess("):
            assert f">>> {call}" in text or re.search(rf">>> .*{re.escape(call)}", text), call

    def test_pandas_is_shown_but_not_run(self) -> None:
        text = PAGES["howto-notebook"]
        assert "pd.DataFrame(report.rows())" in text
        assert not re.search(r"^>>> .*pandas", text, re.MULTILINE)
