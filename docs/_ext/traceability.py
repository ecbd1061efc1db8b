"""Sphinx extension: the opinion, the rules and the code, generated at build time.

The pages that trace the opinion to the code and back are not written by
hand: their tables are made from the code when the documentation is built,
by :mod:`tracemap` (the data, without Sphinx), and this module (the
directives and roles):

``{opinion-clauses}``
    the opinion clause by clause, Chinese beside English, each clause with
    the rules, functions, Policy fields, readings, results, duties and tests
    that carry its id;
``{traceability-matrix}``
    the rules R01…R62 of the analysis with how each is implemented (rule ids,
    functions, duties) or why it is out of scope, and the tests naming them;
``{rule-index}``
    every rule id of the library;
``{interpretation} I-n``
    one section per reading I-n from :func:`community_rules.interpretations`,
    the directive's content (a hand-written worked example) inside it;
``{opinion-glossary}``, ``{public-names}``, ``{exception-tree}``,
``{cli-help} VERB``
    the glossary with where each term is used, every name of
    ``community_rules.__all__`` with its clauses, the exception hierarchy,
    and a verb's ``--help``;
``{toctree-optional}``
    a toctree whose entries ending in ``?`` are left out while the page does
    not exist yet.

Roles: ``{clause}`3.2```, ``{rule}`staffing.quota```, ``{reading}`I-4```
and ``{analysis}`R21``` link to the generated entries; a link to an id that
does not exist breaks the build under ``-n``. ``{page}`words <docname>```
links to a page another change may bring, and shows the words alone until
it exists. A reference to ``community_rules.check`` resolves to where autodoc
documents it (``community_rules.compliance.check``).

Before anything is read, :meth:`tracemap.Trace.problems` is run: a clause id
in the code that the opinion does not have, a rule id or object in
``rules_map.toml`` that the code lacks, a rule no entry of the map claims —
each is reported and the build stops.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import io
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, ClassVar

import tracemap
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.directives.other import TocTree
from sphinx.errors import ExtensionError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

__version__ = "1.0"

# --- labels ---------------------------------------------------------------------------------


def clause_label(cid: str) -> str:
    return f"clause-{cid}"


def rule_label(rule_id: str) -> str:
    return f"rule-{rule_id}"


def reading_label(iid: str) -> str:
    return f"reading-{iid.lower()}"


def analysis_label(rid: str) -> str:
    return f"analysis-{rid.lower()}"


def _ref(label: str, text: str, *, literal: bool = False) -> addnodes.pending_xref:
    inner: nodes.Node = nodes.literal(text, text) if literal else nodes.inline(text, text)
    return addnodes.pending_xref(
        "", inner, refdomain="std", reftype="ref", reftarget=label, refexplicit=True, refwarn=True
    )


def _py(
    target: str, text: str | None = None, reftype: str = "obj", *, optional: bool = False
) -> addnodes.pending_xref:
    """A link to a documented Python object; ``optional``: plain code if it is not documented."""
    shown = text or target
    ref = addnodes.pending_xref(
        "",
        nodes.literal(shown, shown),
        refdomain="py",
        reftype=reftype,
        reftarget=target,
        refexplicit=True,
        refwarn=True,
    )
    if optional:
        ref["trace_optional"] = True
    return ref


def _code(path: str) -> addnodes.pending_xref:
    """A link to a public object ``module.name`` of the package (a table or constant: if documented)."""
    obj = tracemap.resolve(path)
    return _py(
        f"{tracemap.PACKAGE}.{path}", path, optional=not (inspect.isroutine(obj) or isinstance(obj, type))
    )


def _module(name: str) -> addnodes.pending_xref:
    return _py(name, name.removeprefix(f"{tracemap.PACKAGE}."), "mod")


def _clause_ref(cid: str) -> addnodes.pending_xref:
    return _ref(clause_label(cid), cid)


def _join(items: Iterable[nodes.Node], sep: str = ", ") -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for i, item in enumerate(items):
        if i:
            out.append(nodes.Text(sep))
        out.append(item)
    return out


def _para(*children: nodes.Node | str) -> nodes.paragraph:
    p = nodes.paragraph()
    for child in children:
        p += nodes.Text(child) if isinstance(child, str) else child
    return p


_RST_INLINE = re.compile(r"``(.+?)``|:[\w:]+:`~?([^`<]+?)(?:\s*<[^>]+>)?`|\*\*(.+?)\*\*|\*(.+?)\*")


def _summary(text: str) -> list[nodes.Node]:
    """A docstring's first paragraph as nodes: ``code`` and :role:`~a.b` become code, *x* emphasis."""
    out: list[nodes.Node] = []
    at = 0
    for m in _RST_INLINE.finditer(text):
        if m.start() > at:
            out.append(nodes.Text(text[at : m.start()]))
        code, role, strong, emphasis = m.groups()
        if code is not None:
            out.append(nodes.literal(code, code))
        elif role is not None:
            shown = role.rsplit(".", 1)[-1] if m.group(0).count("~") else role
            out.append(nodes.literal(shown, shown))
        elif strong is not None:
            out.append(nodes.strong(strong, strong))
        else:
            out.append(nodes.emphasis(emphasis, emphasis))
        at = m.end()
    if at < len(text):
        out.append(nodes.Text(text[at:]))
    return out


def _strong(text: str) -> nodes.strong:
    return nodes.strong(text, text)


def _field_list(rows: Sequence[tuple[str, Sequence[nodes.Node]]]) -> nodes.field_list:
    fl = nodes.field_list()
    for name, body in rows:
        if not body:
            continue
        f = nodes.field()
        f += nodes.field_name(name, name)
        fb = nodes.field_body()
        if all(isinstance(b, (nodes.paragraph, nodes.bullet_list, nodes.raw, nodes.table)) for b in body):
            for b in body:
                fb += b
        else:
            fb += _para(*body)
        f += fb
        fl += f
    return fl


def _table(
    header: Sequence[str], rows: Sequence[Sequence[Sequence[nodes.Node] | str]], widths: Sequence[int]
) -> nodes.table:
    table = nodes.table(classes=["longtable", "trace-table"])
    group = nodes.tgroup(cols=len(header))
    table += group
    for w in widths:
        group += nodes.colspec(colwidth=w)
    head = nodes.thead()
    row = nodes.row()
    for h in header:
        entry = nodes.entry()
        entry += _para(h)
        row += entry
    head += row
    group += head
    body = nodes.tbody()
    for cells in rows:
        row = nodes.row()
        for cell in cells:
            entry = nodes.entry()
            if isinstance(cell, str):
                entry += _para(cell)
            elif cell and all(isinstance(c, (nodes.paragraph, nodes.bullet_list, nodes.raw)) for c in cell):
                for c in cell:
                    entry += c
            else:
                entry += _para(*cell)
            row += entry
        body += row
    group += body
    return table


def _bullets(items: Iterable[Sequence[nodes.Node | str]]) -> nodes.bullet_list:
    bl = nodes.bullet_list()
    for children in items:
        li = nodes.list_item()
        li += _para(*children)
        bl += li
    return bl


def _details(summary: str, body: nodes.Node) -> list[nodes.Node]:
    """``body`` folded under ``summary`` in HTML (``<details>``), plain elsewhere."""
    return [
        nodes.raw("", f"<details><summary>{summary}</summary>", format="html"),
        body,
        nodes.raw("", "</details>", format="html"),
    ]


def _tests_summary(tests: Sequence[tracemap.TestCase], *, fold: bool = True) -> list[nodes.Node]:
    """ "N tests: test_a.py (3), test_b.py (1)" and, folded, the tests' names."""
    if not tests:
        return [_para("no test names it")]
    files = Counter(t.file for t in tests)
    line = _para(
        f"{len(tests)} test{'s' if len(tests) != 1 else ''}: ",
        *_join(
            (nodes.Text(f"{name} ({n})") for name, n in sorted(files.items())),
        ),
    )
    if not fold:
        return [line]
    names = _bullets([[nodes.literal(t.node, t.node)] for t in tests])
    return [line, *_details("the tests", names)]


def _target(directive: SphinxDirective, node: nodes.Element, label: str) -> None:
    """Make ``node`` the target of ``label`` (a std label: ``{ref}`` and the roles here find it)."""
    node["names"].append(label)
    directive.state.document.note_explicit_target(node, node)


def _section(directive: SphinxDirective, label: str, title: str) -> nodes.section:
    section = nodes.section()
    section += nodes.title(title, title)
    _target(directive, section, label)
    return section


class _TraceDirective(SphinxDirective):
    """Base: the trace, and a dependency on everything it is made from."""

    def trace(self) -> tracemap.Trace:
        trace = tracemap.build()
        self.env.note_dependency(str(tracemap.MAP_PATH))
        for path in sorted((tracemap.ROOT / tracemap.PACKAGE).glob("*.py")):
            self.env.note_dependency(str(path))
        for path in sorted((tracemap.ROOT / "tests").glob("test_*.py")):
            self.env.note_dependency(str(path))
        self.env.note_dependency(str(tracemap.ROOT / tracemap.PACKAGE / "data" / "opinion.toml"))
        return trace


# --- the opinion, clause by clause ------------------------------------------------------------------


def _entry_line(e: tracemap.Entry) -> list[nodes.Node]:
    return [_ref(analysis_label(e.id), e.id), nodes.Text(f" ({e.status})")]


def _rule_line(info: tracemap.RuleInfo) -> list[nodes.Node | str]:
    r = info.rule
    return [
        _ref(rule_label(r.id), r.id, literal=True),
        f" — {r.modality.value.upper()}: {r.title_en} ({r.title_zh})",
    ]


def _policy_line(name: str) -> list[nodes.Node | str]:
    from community_rules import DEFAULT_POLICY

    p = DEFAULT_POLICY.parameter(name)
    value = getattr(p.value, "value", p.value)
    return [
        nodes.literal(f"Policy.{name}", f"Policy.{name}"),
        f" = {value!s} — {p.words}" + (f" ({p.interpretation})" if p.interpretation else ""),
    ]


class OpinionClauses(_TraceDirective):
    """The opinion clause by clause, with what implements and tests each clause."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from community_rules import clauses

        trace = self.trace()
        top: list[nodes.Node] = []
        open_sections: dict[str, nodes.section] = {}
        for c in clauses():
            title = f"{c.id} {c.title_zh} — {c.title_en}" if c.title_zh else f"Clause {c.id}"
            section = _section(self, clause_label(c.id), title)
            self._fill(section, c, trace)
            parent = open_sections.get(c.parent or "")
            if parent is None:
                top.append(section)
            else:
                parent += section
            open_sections[c.id] = section
        return top

    def _fill(self, section: nodes.section, c: Any, trace: tracemap.Trace) -> None:
        if c.text_zh:
            zh = [_para(p.strip()) for p in c.text_zh.split("\n\n") if p.strip()]
            en = [_para(p.strip()) for p in c.text_en.split("\n\n") if p.strip()]
            table = _table(["中文", "English"], [[zh, en]], [1, 1])
            table["classes"].append("opinion-text")
            section += table
        elif c.heading:
            section += _para("A heading: its content lies in the clauses below it.")
        entries = trace.entries_of_clause(c.id)
        rules = trace.rules_of_clause(c.id)
        code = list(dict.fromkeys(path for e in entries for path in e.code))
        policy = [x.name.removeprefix("Policy.") for x in trace.citations_of(c.id, "policy")]
        readings = [x.name for x in trace.citations_of(c.id, "interpretation")]
        modules = [x.name for x in trace.citations_of(c.id, "module")]
        results = [x.name for x in trace.citations_of(c.id, "class", "data")]
        duties = list(trace.citations_of(c.id, "duty"))
        rows: list[tuple[str, Sequence[nodes.Node]]] = [
            ("Rules of the analysis", _join(n for e in entries for n in [_group(_entry_line(e))])),
            ("Rules checked", [_bullets(_rule_line(r) for r in rules)] if rules else []),
            ("Computed and recorded by", _join(_code(p) for p in code)),
            ("Policy fields", [_bullets(_policy_line(p) for p in policy)] if policy else []),
            ("Readings", _join(_ref(reading_label(i), i) for i in readings)),
            ("Modules citing it", _join(_module(m) for m in modules)),
            ("Results carrying it", _join(_result_ref(r) for r in dict.fromkeys(results))),
            ("Duties", _join(_duty(d.name) for d in duties)),
        ]
        if any(body for _, body in rows):
            tests = trace.tests_of_clause(c.id)
            files = [name for name, cited in trace.test_file_clauses.items() if c.id in cited]
            rows.append(("Test modules citing it", _join(nodes.literal(f, f) for f in files)))
            rows.append(("Tests", _tests_summary(tests)))
            section += _field_list(rows)
        else:
            section += _para("No rule of the analysis and nothing in the code cites this clause.")


def _duty(name: str) -> nodes.literal:
    """``community_rules.duties.DUTIES[R42.1]`` → ``R42.1``."""
    did = name.rsplit("[", 1)[-1].rstrip("]")
    return nodes.literal(did, did)


def _group(children: list[nodes.Node]) -> nodes.inline:
    g = nodes.inline()
    for child in children:
        g += child
    return g


def _result_ref(name: str) -> nodes.Node:
    """A link to a class or a table (``module.NAME[id]`` links to ``module.NAME``)."""
    base, _, item = name.partition("[")
    obj = tracemap.resolve(base.removeprefix(f"{tracemap.PACKAGE}."))
    ref = _py(base, base.removeprefix(f"{tracemap.PACKAGE}."), optional=not isinstance(obj, type))
    if not item:
        return ref
    return _group([ref, nodes.Text(f" [{item}")])


# --- the traceability matrix ------------------------------------------------------------------------


def _implementation(trace: tracemap.Trace, e: tracemap.Entry) -> list[nodes.Node]:
    lines: list[list[nodes.Node | str]] = []
    if e.rules:
        lines.append(["checked by ", *_join(_ref(rule_label(r), r, literal=True) for r in e.rules)])
    if e.code:
        lines.append(["code: ", *_join(_code(p) for p in e.code)])
    if e.duties:
        lines.append(["duties: ", *_join(nodes.literal(d, d) for d in e.duties)])
    if e.policy:
        lines.append(["Policy: ", *_join(nodes.literal(p, p) for p in e.policy)])
    if e.interpretations:
        lines.append(["readings: ", *_join(_ref(reading_label(i), i) for i in e.interpretations)])
    cited = trace.code_r_citations.get(e.id, ())
    if cited:
        lines.append(["cited in ", *_join(_module(m) for m in cited)])
    if e.out_of_scope:
        lines.append([_strong("Out of scope: "), e.out_of_scope])
    if e.note:
        lines.append([e.note])
    return [_para(*line) for line in lines]


class TraceabilityMatrix(_TraceDirective):
    """R01…R62: clause, modality, the rule, its implementation or why not, and its tests."""

    def run(self) -> list[nodes.Node]:
        trace = self.trace()
        counts = Counter(e.status for e in trace.entries)
        summary = _para(
            f"{len(trace.entries)} rules: "
            + ", ".join(f"{counts[s]} {s}" for s in ("checked", "computed", "recorded", "out of scope"))
            + "."
        )
        rows = []
        for e in trace.entries:
            rid = nodes.strong(e.id, e.id)
            rows.append(
                [
                    [rid],
                    [_clause_ref(e.clause)],
                    f"{e.modality} [{e.marker}]",
                    e.text,
                    _implementation(trace, e),
                    e.status,
                    _tests_summary(trace.tests_of_entry(e), fold=False),
                ]
            )
        table = _table(
            ["R", "clause", "modality [marker]", "rule (rules.md)", "implemented by", "status", "tests"],
            rows,
            [4, 4, 8, 30, 30, 6, 12],
        )
        body = table[0][-1]
        for e, row in zip(trace.entries, body.children, strict=False):
            _target(self, row, analysis_label(e.id))
        return [summary, table]


class RuleIndex(_TraceDirective):
    """Every rule id of the library: clause, modality, titles, readings, Policy fields, tests."""

    def run(self) -> list[nodes.Node]:
        trace = self.trace()
        rows = []
        for info in trace.rules:
            r = info.rule
            analysis = trace.entries_of_rule(r.id)
            what: list[nodes.Node] = [_para(r.title_en), _para(r.title_zh)]
            details: list[nodes.Node | str] = []
            if r.interpretations:
                details += ["readings: ", *_join(_ref(reading_label(i), i) for i in r.interpretations)]
            if r.parameters:
                details += ["; " if details else "", "Policy: "]
                details += _join(nodes.literal(p, p) for p in r.parameters)
            if details:
                what.append(_para(*details))
            where = [_module(info.module)]
            if not info.in_check:
                where.append(nodes.Text(" (run by assess, not by check)"))
            rows.append(
                [
                    [nodes.literal(r.id, r.id)],
                    [_clause_ref(r.clause)],
                    r.modality.value.upper(),
                    what,
                    where,
                    _join(_ref(analysis_label(e.id), e.id) for e in analysis),
                    _tests_summary(trace.tests_of_rule(r.id)),
                ]
            )
        table = _table(
            ["rule id", "clause", "modality", "rule", "module", "R", "tests"], rows, [12, 4, 8, 28, 10, 6, 16]
        )
        for info, row in zip(trace.rules, table[0][-1].children, strict=False):
            _target(self, row, rule_label(info.id))
        return [table]


class TraceSources(_TraceDirective):
    """What the generated pages were made from, counted."""

    def run(self) -> list[nodes.Node]:
        trace = self.trace()
        kinds = Counter(c.kind for c in trace.citations)
        files = {t.file for t in trace.tests}
        items: list[list[nodes.Node | str]] = [
            [
                f"{len(trace.rules)} rules in {len({r.module for r in trace.rules})} modules "
                f"({sum(r.in_check for r in trace.rules)} run by check(), the rest by assess());"
            ],
            [
                f"{len(trace.citations)} clause citations: "
                + ", ".join(f"{n} by {k}" for k, n in sorted(kinds.items()))
                + ";"
            ],
            [f"{len(trace.entries)} rules of the analysis in rules_map.toml;"],
            [f"{len(trace.tests)} test functions in {len(files)} test files."],
        ]
        if trace.skipped_modules:
            items.append(
                [
                    "modules not imported here: "
                    + ", ".join(f"{m} ({why})" for m, why in trace.skipped_modules)
                ]
            )
        return [_bullets(items)]


# --- interpretations ----------------------------------------------------------------------------------


class InterpretationSection(_TraceDirective):
    """One reading I-n: what the library records about it, then the directive's own content."""

    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        from community_rules import DEFAULT_POLICY, interpretation

        trace = self.trace()
        i = interpretation(self.arguments[0])
        title = f"{i.id} — {i.title}" + (" (a local choice)" if i.local else "")
        section = _section(self, reading_label(i.id), title)
        fields: list[tuple[str, Sequence[nodes.Node]]] = [
            ("Clause", _join(_clause_ref(c.strip()) for c in i.clause.split(","))),
            ("The words", [nodes.Text(i.words_zh)]),
            ("Default", [nodes.Text(i.default)]),
            ("Alternatives", [_bullets([[a] for a in i.alternatives])] if i.alternatives else []),
            ("Why", [nodes.Text(i.reason)]),
            (
                "Policy fields",
                [_bullets(_switch_line(DEFAULT_POLICY, name) for name in i.policy_fields)]
                if i.policy_fields
                else [],
            ),
            (
                "Rules resting on it",
                _join(
                    _ref(rule_label(r.id), r.id, literal=True)
                    for r in trace.rules
                    if i.id in r.rule.interpretations
                ),
            ),
            (
                "Rules of the analysis",
                _join(_ref(analysis_label(e.id), e.id) for e in trace.entries if i.id in e.interpretations),
            ),
            ("Tests naming it", _tests_summary(trace.tests_of_interpretation(i.id))),
        ]
        section += _field_list(fields)
        section += self.parse_content_to_nodes()
        return [section]


def _switch_line(policy: Any, name: str) -> list[nodes.Node | str]:
    value = getattr(policy, name)
    shown = (
        f"{type(value).__name__}.{value.name}"
        if hasattr(value, "name") and hasattr(value, "value")
        else repr(value)
    )
    line: list[nodes.Node | str] = [nodes.literal(name, name), f" = {shown}"]
    members = getattr(type(value), "__members__", None)
    if members and hasattr(value, "name"):
        others = [m for m in members if m != value.name]
        if others:
            line.append(f" (also: {', '.join(others)})")
    return line


# --- glossary, public names, exceptions, command line ------------------------------------------------


class OpinionGlossary(_TraceDirective):
    """The glossary: Chinese term, English term, the clauses and modules using it."""

    def run(self) -> list[nodes.Node]:
        self.trace()
        rows = [
            [
                g.zh,
                g.en,
                _join(_clause_ref(c) for c in g.clauses) or "—",
                _join(_module(m) for m in g.modules) or "—",
            ]
            for g in tracemap.glossary_rows()
        ]
        return [_table(["中文", "English", "clauses", "modules naming it"], rows, [10, 20, 20, 30])]


class PublicNames(_TraceDirective):
    """Every name of ``community_rules.__all__``: kind, module, clauses, summary."""

    def run(self) -> list[nodes.Node]:
        self.trace()
        rows = [
            [
                [_py(f"{n.module}.{n.name}", n.name, optional=n.kind == "data")],
                n.kind,
                [_module(n.module)],
                _join(_clause_ref(c) for c in n.clauses) or "—",
                _summary(n.summary),
            ]
            for n in tracemap.public_names()
        ]
        return [_table(["name", "kind", "module", "clauses", "what it is"], rows, [12, 6, 10, 10, 40])]


class ExceptionTree(SphinxDirective):
    """The hierarchy of :mod:`community_rules.errors`, built from the classes themselves."""

    def run(self) -> list[nodes.Node]:
        from community_rules import errors

        return [self._tree(errors.Error, errors)]

    def _tree(self, cls: type, errors: Any) -> nodes.bullet_list:
        bl = nodes.bullet_list()
        li = nodes.list_item()
        builtins = [
            b.__name__
            for b in cls.__mro__[1:]
            if b.__module__ == "builtins" and b not in (object, BaseException, Exception)
        ]
        doc = (inspect.getdoc(cls) or "").split("\n\n")[0].replace("\n", " ")
        line: list[nodes.Node | str] = [_py(f"{errors.__name__}.{cls.__name__}", cls.__name__, "exc")]
        if builtins:
            line.append(f" (also {', '.join(builtins)})")
        line += [" — ", *_summary(doc)]
        li += _para(*line)
        children: list[type] = []
        subclasses: list[type] = type.__subclasses__(cls)
        for sub in subclasses:
            if sub.__module__ == errors.__name__:
                children.append(sub)
        order = {name: i for i, name in enumerate(errors.__all__)}
        for child in sorted(children, key=lambda sub: order.get(sub.__name__, len(order))):
            li += self._tree(child, errors)
        bl += li
        return bl


class CliHelp(SphinxDirective):
    """The ``--help`` of ``community-rules VERB`` (or of the command itself without a verb)."""

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        from community_rules.cli import main

        argv = [*self.arguments, "--help"]
        out = io.StringIO()
        old = os.environ.get("COLUMNS")
        os.environ["COLUMNS"] = "88"
        try:
            with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
                main(argv)
        finally:
            if old is None:
                del os.environ["COLUMNS"]
            else:
                os.environ["COLUMNS"] = old
        text = out.getvalue().rstrip()
        block = nodes.literal_block(text, text)
        block["language"] = "text"
        return [block]


_AUTOMODULE = re.compile(r"^\s*(?:\.\.\s+automodule::|```\{automodule\})\s+(\S+)", re.MULTILINE)


def documented_elsewhere(srcdir: Path, docname: str) -> dict[str, str]:
    """Module → the page that carries its ``automodule`` (pages other than ``docname``)."""
    found: dict[str, str] = {}
    for path in sorted(srcdir.glob("*.md")) + sorted(srcdir.glob("*.rst")):
        name = path.stem
        if name == docname:
            continue
        for module in _AUTOMODULE.findall(path.read_text(encoding="utf-8")):
            found.setdefault(module, name)
    return found


class ApiModules(SphinxDirective):
    """``automodule`` for each module listed, unless another page documents it (then a link to it).

    With ``:rest:``, every public module of the package that no page
    documents and no earlier ``api-modules`` of this page lists.
    """

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {"rest": directives.flag}

    def run(self) -> list[nodes.Node]:
        srcdir = Path(self.env.srcdir)
        docname = self.env.docname
        for path in sorted(srcdir.glob("*.md")):
            self.env.note_dependency(str(path))
        elsewhere = documented_elsewhere(srcdir, docname)
        seen: set[str] = self.env.temp_data.setdefault("api_modules_seen", set())  # type: ignore[assignment]
        if "rest" in self.options:
            wanted = [m for m in tracemap.package_modules() if m not in seen and m not in elsewhere]
        else:
            wanted = [line.strip() for line in self.content if line.strip()]
        out: list[nodes.Node] = []
        linked = []
        for module in wanted:
            seen.add(module)
            if module in elsewhere:
                linked.append((module, elsewhere[module]))
                continue
            try:
                importlib.import_module(module)
            except ImportError as exc:
                out.append(_para(nodes.literal(module, module), f" needs {exc.name}, not installed here."))
                continue
            section = _section(self, f"api-{module}", module)
            section += self.parse_text_to_nodes(f"```{{eval-rst}}\n.. automodule:: {module}\n```\n")
            out.append(section)
        if linked:
            out.insert(
                0,
                _bullets([_module(m), " — on ", _doc_ref(page, docname)] for m, page in linked),
            )
        return out


def _doc_ref(docname: str, fromdoc: str) -> addnodes.pending_xref:
    """A link to the page ``docname``, titled with the page's title."""
    return addnodes.pending_xref(
        "",
        nodes.inline(docname, docname),
        refdomain="std",
        reftype="doc",
        reftarget=docname,
        refexplicit=False,
        refwarn=True,
        refdoc=fromdoc,
    )


class OptionalTocTree(TocTree):
    """A toctree whose entries ending in ``?`` are kept only once their page exists.

    The page holding it is read again when one of those pages comes or goes.
    """

    def run(self) -> list[nodes.Node]:
        kept: list[str] = []
        optional: set[str] = set()
        content: Any = getattr(self, "content")  # noqa: B009 (docutils is untyped)
        for line in content:
            entry = line.strip()
            if entry.endswith("?"):
                entry = entry[:-1]
                optional.add(entry)
                if entry not in self.env.found_docs:
                    continue
            kept.append(entry)
        _optional_pages(self.env).setdefault(self.env.docname, set()).update(optional)
        self.content = type(content)(kept, source=content.source(0) if content else "")
        return super().run()


def _optional_pages(env: Any) -> dict[str, set[str]]:
    """Page → the optional pages it lists or links to (kept in the environment between builds)."""
    if not hasattr(env, "trace_optional_pages"):
        env.trace_optional_pages = {}
    pages: dict[str, set[str]] = env.trace_optional_pages
    return pages


def _purge_optional(app: Sphinx, env: Any, docname: str) -> None:
    _optional_pages(env).pop(docname, None)


def _merge_optional(app: Sphinx, env: Any, docnames: Any, other: Any) -> None:
    for docname in docnames:
        if docname in _optional_pages(other):
            _optional_pages(env)[docname] = _optional_pages(other)[docname]


def _outdated_optional(
    app: Sphinx, env: Any, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Read a page with an optional toctree again when one of its optional pages comes or goes."""
    moved = added | removed
    return [doc for doc, entries in _optional_pages(env).items() if entries & moved]


# --- roles --------------------------------------------------------------------------------------------


def _role(label_of: Any, *, literal: bool = False) -> Any:
    def role(
        name: str,
        rawtext: str,
        text: str,
        lineno: int,
        inliner: Any,
        options: Any = None,
        content: Any = None,
    ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        return [_ref(label_of(text.strip()), text.strip(), literal=literal)], []

    return role


# --- references -----------------------------------------------------------------------------------------


def resolve_package_root(app: Sphinx, env: Any, node: nodes.Element, contnode: nodes.Element) -> Any:
    """Resolve ``community_rules.check`` to where it is documented (``community_rules.compliance.check``).

    Users write the names of ``community_rules.__all__`` from the package
    root; autodoc documents them in their modules. A reference made here to
    a table or constant that its module leaves undocumented (``trace_optional``)
    shows as plain code instead of failing the build.
    """
    if node.get("refdomain") != "py":
        return contnode if node.get("trace_optional") else None
    target = node.get("reftarget", "")
    prefix = f"{tracemap.PACKAGE}."
    import community_rules

    name = target.removeprefix(prefix)
    if target.startswith(prefix) and name in community_rules.__all__:
        obj = getattr(community_rules, name)
        home = getattr(obj if isinstance(obj, type) or callable(obj) else type(obj), "__module__", "")
        if home.startswith(prefix) and home != tracemap.PACKAGE:
            domain = env.get_domain("py")
            found = domain.resolve_xref(
                env, node.get("refdoc", ""), app.builder, node["reftype"], f"{home}.{name}", node, contnode
            )
            if found is not None:
                return found
    if node.get("trace_optional"):
        return contnode
    return None


def page_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Any,
    options: Any = None,
    content: Any = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{page}`the performance page <performance>```: a link to a page that may not exist yet.

    Another change may bring the page; until it does, the words show without a link.
    """
    match = re.fullmatch(r"\s*(.*?)\s*<([^<>]+)>\s*", text)
    shown, target = (match.group(1), match.group(2)) if match else (text.strip(), text.strip())
    ref = addnodes.pending_xref(
        "",
        nodes.inline(shown, shown),
        refdomain="std",
        reftype="doc",
        reftarget=target,
        refexplicit=True,
        refwarn=True,
        refdoc=inliner.document.settings.env.docname,
    )
    ref["trace_optional"] = True
    env = inliner.document.settings.env
    _optional_pages(env).setdefault(env.docname, set()).add(target)
    return [ref], []


# --- the checks ----------------------------------------------------------------------------------------


def check_traceability(app: Sphinx) -> None:
    """Stop the build when the opinion, the map and the code disagree."""
    problems = tracemap.build().problems()
    for problem in problems:
        logger.warning("traceability: %s", problem, type="traceability")
    if problems:
        raise ExtensionError(
            f"traceability: {len(problems)} problem(s) between the opinion, "
            f"docs/_ext/rules_map.toml and the code (listed above)"
        )


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", check_traceability)
    app.connect("missing-reference", resolve_package_root)
    app.connect("env-purge-doc", _purge_optional)
    app.connect("env-merge-info", _merge_optional)
    app.connect("env-get-outdated", _outdated_optional)
    app.add_directive("opinion-clauses", OpinionClauses)
    app.add_directive("traceability-matrix", TraceabilityMatrix)
    app.add_directive("rule-index", RuleIndex)
    app.add_directive("trace-sources", TraceSources)
    app.add_directive("interpretation", InterpretationSection)
    app.add_directive("opinion-glossary", OpinionGlossary)
    app.add_directive("public-names", PublicNames)
    app.add_directive("exception-tree", ExceptionTree)
    app.add_directive("cli-help", CliHelp)
    app.add_directive("toctree-optional", OptionalTocTree)
    app.add_directive("api-modules", ApiModules)
    app.add_role("clause", _role(clause_label))
    app.add_role("rule", _role(rule_label, literal=True))
    app.add_role("reading", _role(reading_label))
    app.add_role("analysis", _role(analysis_label))
    app.add_role("page", page_role)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
