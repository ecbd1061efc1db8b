"""Traceability between the opinion and the code, computed from the code itself.

This module (no Sphinx needed) gathers, at the time it runs, every clause id
the code carries and every test that mentions a rule, and checks them against
the opinion and against the rule list of the analysis the library was built
from (``rules.md``, rules R01…R62):

- **rules** — every :class:`~community_rules.findings.Rule` of
  :func:`community_rules.rules` and of every module's ``RULES`` (the
  assessment's too), with its clause;
- **citations** — every clause id the code names: a rule's clause, a
  :class:`~community_rules.policy.Policy` field's ``clause`` metadata, an
  interpretation's clause, a "clause 3.2" citation in a module docstring, the
  ``clauses`` a result class carries, a duty's clause…;
- **the map** — ``rules_map.toml`` beside this file: for each rule R01…R62 of
  the analysis, the rule ids, public objects, duties, Policy fields and
  interpretations that implement it, or why it is out of scope;
- **tests** — every test function of ``tests/test_*.py`` with the rule ids,
  clause ids, functions called, interpretation ids and R-numbers it mentions.

:func:`build` returns a :class:`Trace`; :meth:`Trace.problems` lists every
broken link: a clause id the opinion does not have, a rule id, duty id,
Policy field or object named in the map that the code lacks, a rule the map
does not account for. The documentation build (``traceability.py``) and
``tests/test_traceability.py`` both fail on any problem.

>>> trace = build()
>>> trace.problems()
[]
>>> trace.entry("R21").rules, trace.entry("R21").status
(('staffing.quota',), 'checked')
>>> trace.entry("R61").status
'out of scope'
>>> "staffing.quota" in {r.id for r in trace.rules}
True
>>> parse_clause_citations("Funds and pay (clauses 2.2.2, 3.2); see clause 4.3.1 and 5, 100 yuan.")
('2.2.2', '3.2', '4.3.1', '5')
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import pkgutil
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib

import attrs

import community_rules
from community_rules.findings import Rule
from community_rules.opinion import clause_ids, clauses, glossary
from community_rules.policy import Policy
from community_rules.readings import interpretations

__all__ = [
    "MAP_PATH",
    "ROOT",
    "Citation",
    "Entry",
    "GlossaryRow",
    "PublicName",
    "RuleInfo",
    "TestCase",
    "Trace",
    "build",
    "glossary_rows",
    "load_map",
    "module_clauses",
    "package_modules",
    "parse_clause_citations",
    "public_names",
    "resolve",
    "scan_tests",
]

HERE = Path(__file__).resolve().parent
#: The repository root (``docs/_ext/../..``).
ROOT = HERE.parent.parent
#: The map of the analysis' rules R01…R62 to the code.
MAP_PATH = HERE / "rules_map.toml"
PACKAGE = "community_rules"
#: Test files that test the documentation, not the rules: their mentions of
#: rule ids are not evidence that a rule is tested.
NOT_RULE_TESTS = frozenset({"test_traceability.py", "test_docs.py"})
#: Map keys naming what implements a rule of the analysis.
IMPLEMENTATION_KEYS = ("rules", "code", "duties", "policy", "interpretations")

_ID = r"\d+(?:\.\d+)*"
# "clause 3.2", "clauses 2.2.1, 2.2.2, 3.2", "clauses 2.1 and 2.2.3"; after the
# first id a list goes on with dotted ids, or a single digit after "and"/"or"
# ("clause 3.2, 80 %" cites 3.2 only).
_CITATION = re.compile(
    rf"\b[Cc]lauses?\s+({_ID}(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)\d+\.\d+(?:\.\d+)*"
    rf"|\s+(?:and|or)\s+\d\b(?!\.\d))*)"
)
_PAREN_ID = re.compile(r"\((\d\.\d(?:\.\d)*)[\s,);]")
_R_ID = re.compile(r"\bR(\d\d)(?:\s*[–-]\s*R?(\d\d))?\b")
_I_ID = re.compile(r"\bI-(\d{1,2})\b")
_DECIMAL_CALLS = frozenset({"Decimal", "D", "to_decimal", "to_money", "Weights"})


def parse_clause_citations(text: str) -> tuple[str, ...]:
    """The clause ids cited as "clause X" / "clauses X, Y and Z" in ``text``, in order, once each."""
    found: dict[str, None] = {}
    for match in _CITATION.finditer(text):
        for cid in re.findall(_ID, match.group(1)):
            found.setdefault(cid, None)
    return tuple(found)


def _prose(docstring: str | None) -> str:
    """A docstring up to its first doctest (the examples are not citations)."""
    return (docstring or "").split(">>>")[0]


# --- data -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    """One clause id named by the code: ``kind`` of citing thing and its ``name``."""

    clause: str
    kind: str  # rule | policy | interpretation | module | class | data | duty
    name: str
    module: str


@dataclass(frozen=True)
class RuleInfo:
    """A rule with the module that defines it; ``in_check`` if :func:`community_rules.check` runs it."""

    rule: Rule
    module: str
    in_check: bool

    @property
    def id(self) -> str:
        return self.rule.id


@dataclass(frozen=True)
class Entry:
    """One rule of the analysis (``rules.md``) and what implements it."""

    id: str
    clause: str
    modality: str
    marker: str
    text: str
    rules: tuple[str, ...] = ()
    code: tuple[str, ...] = ()
    duties: tuple[str, ...] = ()
    policy: tuple[str, ...] = ()
    interpretations: tuple[str, ...] = ()
    out_of_scope: str = ""
    note: str = ""

    @property
    def status(self) -> str:
        """``checked`` (a rule checks it), ``computed`` (functions compute it),
        ``recorded`` (kept as data: duties, tables) or ``out of scope``."""
        if self.out_of_scope:
            return "out of scope"
        if self.rules:
            return "checked"
        if any(inspect.isroutine(resolve(path)) for path in self.code):
            return "computed"
        return "recorded"


@dataclass(frozen=True)
class TestCase:
    """One test function and what it mentions."""

    node: str  # tests/test_x.py::TestClass::test_name
    file: str  # test_x.py
    rules: frozenset[str] = frozenset()
    clauses: frozenset[str] = frozenset()
    calls: frozenset[str] = frozenset()  # names of the package's objects used
    duties: frozenset[str] = frozenset()
    r_ids: frozenset[str] = frozenset()
    interpretations: frozenset[str] = frozenset()

    @property
    def short(self) -> str:
        """``TestClass.test_name`` (or ``test_name``)."""
        return self.node.split("::", 1)[1].replace("::", ".")


@dataclass(frozen=True)
class Trace:
    """Everything the traceability pages show, and the problems found on the way."""

    rules: tuple[RuleInfo, ...]
    citations: tuple[Citation, ...]
    entries: tuple[Entry, ...]
    tests: tuple[TestCase, ...]
    test_file_clauses: dict[str, tuple[str, ...]]
    code_r_citations: dict[str, tuple[str, ...]]
    skipped_modules: tuple[tuple[str, str], ...]
    map_count: int
    found_problems: tuple[str, ...] = field(default=())

    # --- look-ups -----------------------------------------------------------------

    def entry(self, rid: str) -> Entry:
        """The map entry of rule ``rid`` of the analysis (``"R21"``)."""
        for e in self.entries:
            if e.id == rid:
                return e
        raise KeyError(rid)

    def rule(self, rule_id: str) -> RuleInfo:
        """The rule with this id."""
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    def entries_of_rule(self, rule_id: str) -> tuple[Entry, ...]:
        """The rules of the analysis a library rule implements."""
        return tuple(e for e in self.entries if rule_id in e.rules)

    def entries_of_clause(self, cid: str) -> tuple[Entry, ...]:
        """The rules of the analysis whose clause is ``cid``."""
        return tuple(e for e in self.entries if e.clause == cid)

    def rules_of_clause(self, cid: str) -> tuple[RuleInfo, ...]:
        """The library rules whose clause is ``cid``."""
        return tuple(r for r in self.rules if r.rule.clause == cid)

    def citations_of(self, cid: str, *kinds: str) -> tuple[Citation, ...]:
        """The citations of clause ``cid`` (of the given kinds, all when none given)."""
        return tuple(c for c in self.citations if c.clause == cid and (not kinds or c.kind in kinds))

    def tests_of_rule(self, rule_id: str) -> tuple[TestCase, ...]:
        """The tests that name the rule id."""
        return tuple(t for t in self.tests if rule_id in t.rules)

    def tests_of_entry(self, entry: Entry) -> tuple[TestCase, ...]:
        """The tests that name one of the entry's rules, duties or R-number, or call its functions."""
        names = {path.rsplit(".", 1)[-1] for path in entry.code if inspect.isroutine(resolve(path))}
        return tuple(
            t
            for t in self.tests
            if t.rules & set(entry.rules)
            or t.duties & set(entry.duties)
            or entry.id in t.r_ids
            or t.calls & names
        )

    def tests_of_clause(self, cid: str) -> tuple[TestCase, ...]:
        """The tests that name the clause, or a rule of it, or test a rule of the analysis at it."""
        ids = {r.id for r in self.rules_of_clause(cid)}
        related = {t.node for e in self.entries_of_clause(cid) for t in self.tests_of_entry(e)}
        return tuple(t for t in self.tests if cid in t.clauses or t.rules & ids or t.node in related)

    def tests_of_interpretation(self, iid: str) -> tuple[TestCase, ...]:
        """The tests that name the interpretation id (``"I-4"``)."""
        return tuple(t for t in self.tests if iid in t.interpretations)

    def problems(self) -> list[str]:
        """Every broken link between the opinion, the map and the code (empty when all is well)."""
        return list(self.found_problems)


# --- resolving names ------------------------------------------------------------------------


def resolve(path: str) -> Any:
    """The public object ``module.name`` of the package (``"staffing.staff_quota"``), or None."""
    module_name, _, name = path.rpartition(".")
    if not module_name:
        return None
    try:
        module = importlib.import_module(f"{PACKAGE}.{module_name}")
    except ImportError:
        return None
    public = getattr(module, "__all__", None)
    if public is not None and name not in public:
        return None
    return getattr(module, name, None)


# --- the package's modules ----------------------------------------------------------------------


def package_modules() -> tuple[str, ...]:
    """The package's public module names (``community_rules.staffing`` …), sorted."""
    path = getattr(community_rules, "__path__", [])
    return tuple(
        sorted(f"{PACKAGE}.{m.name}" for m in pkgutil.iter_modules(path) if not m.name.startswith("_"))
    )


def _import_all() -> tuple[dict[str, Any], tuple[tuple[str, str], ...]]:
    """Import every public module; those needing a missing optional dependency are skipped."""
    modules: dict[str, Any] = {}
    skipped: list[tuple[str, str]] = []
    for name in package_modules():
        try:
            modules[name] = importlib.import_module(name)
        except ImportError as exc:
            missing = getattr(exc, "name", None) or str(exc)
            if missing.startswith(PACKAGE):
                raise
            skipped.append((name, f"needs {missing}"))
    return modules, tuple(skipped)


def _source_path(module_name: str) -> Path:
    return ROOT.joinpath(*module_name.split(".")).with_suffix(".py")


def module_docstring(module_name: str) -> str:
    """The module's docstring, read from the source (so a module need not import)."""
    path = _source_path(module_name)
    if not path.exists():  # pragma: no cover - an installed package without sources
        return inspect.getdoc(importlib.import_module(module_name)) or ""
    return ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""


def module_clauses(module_name: str) -> tuple[str, ...]:
    """The clause ids a module's docstring cites ("clause 3.2", "clauses 2.2.2, 3.2")."""
    return parse_clause_citations(_prose(module_docstring(module_name)))


# --- gathering ------------------------------------------------------------------------------------


def _rules(modules: dict[str, Any]) -> tuple[tuple[RuleInfo, ...], list[str]]:
    problems: list[str] = []
    in_check = {r.id for r in community_rules.rules()}
    found: dict[str, RuleInfo] = {}
    for name, module in modules.items():
        for r in getattr(module, "RULES", ()) or ():
            if not isinstance(r, Rule):
                problems.append(f"{name}.RULES holds {r!r}, which is not a Rule")
                continue
            if r.id in found and found[r.id].module != name:
                problems.append(f"rule id {r.id!r} is defined twice: in {found[r.id].module} and {name}")
                continue
            found[r.id] = RuleInfo(r, name, r.id in in_check)
    for rid in sorted(in_check - set(found)):
        problems.append(f"rule {rid!r} is run by community_rules.check() but found in no module's RULES")
    return tuple(found.values()), problems


def _class_clauses(cls: type) -> tuple[str, ...]:
    if attrs.has(cls):
        for a in attrs.fields(cls):
            if a.name == "clauses" and isinstance(a.default, tuple):
                return tuple(str(c) for c in a.default)
    value = cls.__dict__.get("clauses")
    if isinstance(value, tuple) and all(isinstance(c, str) for c in value):
        return value
    return ()


def _object_clauses(obj: Any) -> tuple[str, ...]:
    """The clause ids an instance carries in ``clause`` / ``clauses``."""
    out: list[str] = []
    single = getattr(obj, "clause", None)
    if isinstance(single, str):
        out.extend(c.strip() for c in single.split(","))
    many = getattr(obj, "clauses", None)
    if isinstance(many, tuple) and all(isinstance(c, str) for c in many):
        out.extend(many)
    return tuple(out)


def _citations(modules: dict[str, Any], rules: Iterable[RuleInfo]) -> tuple[Citation, ...]:
    out: list[Citation] = []
    for r in rules:
        out.append(Citation(r.rule.clause, "rule", r.id, r.module))
    for a in attrs.fields(Policy):
        if a.metadata.get("clause"):
            for cid in str(a.metadata["clause"]).split(","):
                out.append(Citation(cid.strip(), "policy", f"Policy.{a.name}", f"{PACKAGE}.policy"))
    for i in interpretations():
        for cid in i.clause.split(","):
            out.append(Citation(cid.strip(), "interpretation", i.id, f"{PACKAGE}.readings"))
    for name in package_modules():
        for cid in module_clauses(name):
            out.append(Citation(cid, "module", name, name))
    for name, module in modules.items():
        for attr in getattr(module, "__all__", ()):
            obj = getattr(module, attr, None)
            if isinstance(obj, Rule) or obj is None:
                continue
            if isinstance(obj, type):
                if obj.__module__ != name:
                    continue
                for cid in _class_clauses(obj):
                    out.append(Citation(cid, "class", f"{name}.{attr}", name))
            elif isinstance(obj, tuple) and obj and not isinstance(obj[0], Rule):
                for element in obj:
                    label = getattr(element, "id", None)
                    kind = "duty" if type(element).__name__ == "Duty" else "data"
                    for cid in _object_clauses(element):
                        where = f"{name}.{attr}" + (f"[{label}]" if isinstance(label, str) else "")
                        out.append(Citation(cid, kind, where, name))
            else:
                for cid in _object_clauses(obj):
                    out.append(Citation(cid, "data", f"{name}.{attr}", name))
    # once each, in a stable order
    return tuple(dict.fromkeys(out))


def _duty_ids() -> frozenset[str]:
    try:
        from community_rules.duties import DUTIES
    except ImportError:  # pragma: no cover - the duties module is part of the package
        return frozenset()
    return frozenset(d.id for d in DUTIES)


def load_map(path: Path = MAP_PATH) -> tuple[tuple[Entry, ...], int, list[str]]:
    """The entries of ``rules_map.toml``, the number of rules its source has, and format problems."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    problems: list[str] = []
    source = data.pop("source", {})
    count = int(source.get("count", 0))
    known = {"clause", "modality", "marker", "text", "out_of_scope", "note", *IMPLEMENTATION_KEYS}
    entries = []
    for rid, table in data.items():
        if not re.fullmatch(r"R\d\d", rid):
            problems.append(f"rules_map.toml: [{rid}] is not a rule id of the form R01")
            continue
        unknown = set(table) - known
        if unknown:
            problems.append(f"rules_map.toml: [{rid}] has unknown keys {sorted(unknown)}")
        entries.append(
            Entry(
                id=rid,
                clause=str(table.get("clause", "")),
                modality=str(table.get("modality", "")),
                marker=str(table.get("marker", "")),
                text=str(table.get("text", "")),
                out_of_scope=str(table.get("out_of_scope", "")),
                note=str(table.get("note", "")),
                **{key: tuple(table.get(key, ())) for key in IMPLEMENTATION_KEYS},
            )
        )
    return tuple(entries), count, problems


def _check_map(
    entries: tuple[Entry, ...], count: int, rules: tuple[RuleInfo, ...], ids: frozenset[str]
) -> list[str]:
    problems: list[str] = []
    expected = [f"R{n:02d}" for n in range(1, count + 1)]
    got = [e.id for e in entries]
    if got != expected:
        missing = sorted(set(expected) - set(got))
        extra = sorted(set(got) - set(expected))
        problems.append(
            f"rules_map.toml must list R01…R{count:02d} once each, in order "
            f"(missing: {missing or '-'}, not in the analysis: {extra or '-'})"
        )
    by_id = {r.id: r for r in rules}
    duty_ids = _duty_ids()
    policy_fields = {a.name for a in attrs.fields(Policy)}
    interpretation_ids = {i.id for i in interpretations()}
    modalities = {"MANDATORY", "IN_PRINCIPLE", "PERMISSIVE"}
    for e in entries:
        where = f"rules_map.toml [{e.id}]"
        if e.clause not in ids:
            problems.append(f"{where}: clause {e.clause!r} is not a clause of the opinion")
        if e.modality not in modalities:
            problems.append(f"{where}: modality {e.modality!r} is not one of {sorted(modalities)}")
        if not e.text:
            problems.append(f"{where}: the rule's text is missing")
        if e.out_of_scope and e.rules:
            problems.append(f"{where}: out of scope, yet checked by {list(e.rules)}")
        if not e.out_of_scope and not (e.rules or e.code or e.duties):
            problems.append(f"{where}: names no rule, code or duty, and gives no out_of_scope reason")
        for rid in e.rules:
            info = by_id.get(rid)
            if info is None:
                problems.append(f"{where}: rule {rid!r} does not exist in the code")
            elif not _related(info.rule.clause, e.clause):
                problems.append(
                    f"{where}: rule {rid!r} is of clause {info.rule.clause}, not of {e.clause} or within it"
                )
        for path in e.code:
            if resolve(path) is None:
                problems.append(f"{where}: {PACKAGE}.{path} is not a public object of the package")
        for did in e.duties:
            if did not in duty_ids:
                problems.append(f"{where}: duty {did!r} is not in community_rules.duties.DUTIES")
        for name in e.policy:
            if name not in policy_fields:
                problems.append(f"{where}: {name!r} is not a Policy field")
        for iid in e.interpretations:
            if iid not in interpretation_ids:
                problems.append(f"{where}: {iid!r} is not an interpretation")
    claimed = {rid for e in entries for rid in e.rules}
    for r in rules:
        if r.id not in claimed:
            problems.append(
                f"rule {r.id!r} ({r.module}, clause {r.rule.clause}) is claimed by no rule of "
                f"the analysis: add it to rules_map.toml"
            )
    return problems


def _related(a: str, b: str) -> bool:
    """True when one clause id is the other or lies within it (``4.3`` and ``4.3.2``)."""
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def _check_code(
    citations: tuple[Citation, ...], rules: tuple[RuleInfo, ...], ids: frozenset[str]
) -> list[str]:
    problems: list[str] = []
    for c in citations:
        if c.clause not in ids:
            problems.append(
                f"{c.kind} {c.name} ({c.module}) cites clause {c.clause!r}, "
                f"which the opinion does not have (valid: {', '.join(clause_ids())})"
            )
    policy_fields = {a.name for a in attrs.fields(Policy)}
    interpretation_ids = {i.id for i in interpretations()}
    for r in rules:
        for iid in r.rule.interpretations:
            if iid not in interpretation_ids:
                problems.append(f"rule {r.id!r} rests on {iid!r}, which is not an interpretation")
        for name in r.rule.parameters:
            if name not in policy_fields:
                problems.append(f"rule {r.id!r} names parameter {name!r}, which is not a Policy field")
    for a in attrs.fields(Policy):
        named = a.metadata.get("interpretation")
        if named is not None and named not in interpretation_ids:
            problems.append(f"Policy.{a.name} names interpretation {named!r}, which does not exist")
    for i in interpretations():
        for name in i.policy_fields:
            if name not in policy_fields:
                problems.append(f"interpretation {i.id} names {name!r}, which is not a Policy field")
    return problems


# --- tests ---------------------------------------------------------------------------------------


def _test_functions(tree: ast.Module) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
            yield node.name, node
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name.startswith("test"):
                    yield f"{node.name}::{item.name}", item


def _r_ids(text: str) -> set[str]:
    found: set[str] = set()
    for first, last in _R_ID.findall(text):
        start = int(first)
        end = int(last) if last else start
        found.update(f"R{n:02d}" for n in range(start, max(start, end) + 1))
    return found


def _library_imports(tree: ast.Module) -> tuple[dict[str, str], set[str]]:
    """The names a test file imports from the package (local name → name) and its aliases of modules.

    ``from community_rules.staffing import staff_quota as q`` gives ``{"q": "staff_quota"}``;
    ``import community_rules as cr`` and ``from community_rules import staffing`` give the
    aliases ``cr`` and ``staffing``, whose attributes are the package's names.
    """
    names: dict[str, str] = {}
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == PACKAGE or alias.name.startswith(PACKAGE + "."):
                    modules.add(alias.asname or alias.name.split(".")[0])
        elif (
            isinstance(node, ast.ImportFrom)
            and node.module
            and (node.module == PACKAGE or node.module.startswith(PACKAGE + "."))
        ):
            for alias in node.names:
                local = alias.asname or alias.name
                names[local] = alias.name
                if node.module == PACKAGE:
                    modules.add(local)  # a module or a name of the package root
    return names, modules


def _scan_function(
    node: ast.AST,
    text: str,
    imports: tuple[dict[str, str], set[str]],
    rule_ids: frozenset[str],
    ids: frozenset[str],
    duty_ids: frozenset[str],
) -> dict[str, frozenset[str]]:
    imported, aliases = imports
    excluded: set[int] = set()
    calls: set[str] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and sub.id in imported:
            calls.add(imported[sub.id])
        elif isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name) and sub.value.id in aliases:
            calls.add(sub.attr)
        if isinstance(sub, ast.Call):
            func = sub.func
            name = (
                func.id
                if isinstance(func, ast.Name)
                else func.attr
                if isinstance(func, ast.Attribute)
                else None
            )
            if name in _DECIMAL_CALLS:
                excluded.update(id(arg) for arg in sub.args)
    strings = [
        sub.value
        for sub in ast.walk(node)
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and id(sub) not in excluded
    ]
    dotted = {c for c in ids if "." in c}
    return {
        "rules": frozenset(s for s in strings if s in rule_ids),
        "clauses": frozenset({s for s in strings if s in dotted} | set(parse_clause_citations(text)) & ids),
        "calls": frozenset(calls),
        "duties": frozenset(s for s in strings if s in duty_ids),
        "r_ids": frozenset(_r_ids(text)),
        "interpretations": frozenset(f"I-{n}" for n in _I_ID.findall(text)),
    }


def scan_tests(
    directory: Path, rule_ids: frozenset[str], ids: frozenset[str]
) -> tuple[tuple[TestCase, ...], dict[str, tuple[str, ...]]]:
    """Every test function in ``directory/test_*.py`` with what it mentions, and each file's cited clauses."""
    duty_ids = _duty_ids()
    cases: list[TestCase] = []
    file_clauses: dict[str, tuple[str, ...]] = {}
    for path in sorted(directory.glob("test_*.py")):
        if path.name in NOT_RULE_TESTS:
            continue
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        file_clauses[path.name] = tuple(
            c for c in parse_clause_citations(_prose(ast.get_docstring(tree))) if c in ids
        ) + tuple(c for c in _PAREN_ID.findall(_prose(ast.get_docstring(tree))) if c in ids)
        lines = source.splitlines()
        imports = _library_imports(tree)
        for name, node in _test_functions(tree):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            text = "\n".join(lines[first - 1 : node.end_lineno])
            found = _scan_function(node, text, imports, rule_ids, ids, duty_ids)
            cases.append(TestCase(node=f"tests/{path.name}::{name}", file=path.name, **found))
    return tuple(cases), file_clauses


# --- citations of the analysis' rules in the package source -------------------------------------


def _code_r_citations() -> dict[str, tuple[str, ...]]:
    """R-number → the modules whose source mentions it (``rules.md R32``, ``R08–R14``)."""
    found: dict[str, list[str]] = {}
    for name in package_modules():
        path = _source_path(name)
        if not path.exists():  # pragma: no cover
            continue
        for rid in sorted(_r_ids(path.read_text(encoding="utf-8"))):
            found.setdefault(rid, []).append(name)
    return {rid: tuple(mods) for rid, mods in found.items()}


# --- the whole ----------------------------------------------------------------------------------


@functools.cache
def build(root: Path = ROOT, map_path: Path = MAP_PATH) -> Trace:
    """Gather the traceability data from the code, the map and the tests under ``root``."""
    ids = frozenset(clause_ids())
    modules, skipped = _import_all()
    rules, problems = _rules(modules)
    citations = _citations(modules, rules)
    problems += _check_code(citations, rules, ids)
    entries, count, map_problems = load_map(map_path)
    problems += map_problems
    problems += _check_map(entries, count, rules, ids)
    tests, file_clauses = scan_tests(root / "tests", frozenset(r.id for r in rules), ids)
    return Trace(
        rules=rules,
        citations=citations,
        entries=entries,
        tests=tests,
        test_file_clauses=file_clauses,
        code_r_citations=_code_r_citations(),
        skipped_modules=skipped,
        map_count=count,
        found_problems=tuple(problems),
    )


# --- other tables the documentation generates -----------------------------------------------------


@dataclass(frozen=True)
class GlossaryRow:
    """A glossary term, where the opinion uses it and which modules of the package name it."""

    zh: str
    en: str
    clauses: tuple[str, ...]
    modules: tuple[str, ...]


def glossary_rows() -> tuple[GlossaryRow, ...]:
    """The opinion's glossary with the clauses and modules using each Chinese term."""
    sources = {
        name: _source_path(name).read_text(encoding="utf-8")
        for name in package_modules()
        if _source_path(name).exists()
    }
    rows = []
    for zh, en in glossary().items():
        rows.append(
            GlossaryRow(
                zh=zh,
                en=en,
                clauses=tuple(c.id for c in clauses() if zh in c.text_zh or zh in c.title_zh),
                modules=tuple(name for name, text in sources.items() if zh in text),
            )
        )
    return tuple(rows)


@dataclass(frozen=True)
class PublicName:
    """One name of ``community_rules.__all__``: where it is defined and the clauses it rests on."""

    name: str
    kind: str
    module: str
    clauses: tuple[str, ...]
    summary: str


def _kind(obj: Any) -> str:
    if isinstance(obj, type):
        if issubclass(obj, BaseException):
            return "exception"
        if issubclass(obj, __import__("enum").Enum):
            return "enum"
        return "class"
    if inspect.isfunction(obj) or inspect.isbuiltin(obj):
        return "function"
    return "data"


def public_names() -> tuple[PublicName, ...]:
    """Every name of ``community_rules.__all__`` (but ``__version__``), sorted as ``__all__`` is.

    Its clauses are those its docstring cites ("clause 3.1", "(3.1 …)"), else
    those a result class carries, else those its module's docstring cites.
    """
    ids = set(clause_ids())
    out = []
    for name in community_rules.__all__:
        if name.startswith("__"):
            continue
        obj = getattr(community_rules, name)
        target = obj if isinstance(obj, type) or callable(obj) else type(obj)
        module = getattr(target, "__module__", PACKAGE)
        own = inspect.getdoc(obj) if (isinstance(obj, type) or callable(obj)) else ""
        prose = _prose(own)
        cited = [c for c in (*parse_clause_citations(prose), *_PAREN_ID.findall(prose)) if c in ids]
        if not cited and isinstance(obj, type):
            cited = list(_class_clauses(obj))
        if not cited:
            cited = [c for c in module_clauses(module) if c in ids]
        summary = (own or inspect.getdoc(target) or "").strip().split("\n\n")[0].replace("\n", " ")
        if not (isinstance(obj, type) or callable(obj)):
            summary = f"a {type(obj).__name__}: {summary}"
        out.append(PublicName(name, _kind(obj), module, tuple(dict.fromkeys(cited)), summary))
    return tuple(out)
