"""Renderings of reports at the edge: text, Markdown, HTML, JSON and plain rows.

Nothing here decides anything: the rules have spoken in the findings; this
module only lays them out, in Chinese (``lang="zh"``) or English
(``lang="en"``). Terminal text aligns its columns by display width, so that
Chinese characters (two columns each) line up.

>>> display_width("小区长 ok")
9
>>> pad("楼长", 6) + "|"
'楼长  |'
"""

from __future__ import annotations

import html
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ._fields import check_count, require
from .enums import Modality, Status
from .errors import InvalidValue
from .findings import Finding, Value

if TYPE_CHECKING:  # pragma: no cover
    from .compliance import Explanation, Report

__all__ = [
    "SCHEMA_VERSION",
    "display_width",
    "explanation_text",
    "finding_row",
    "pad",
    "report_html",
    "report_json",
    "report_markdown",
    "report_text",
]

#: The version of the JSON report's layout (see ``community-rules schema report``).
SCHEMA_VERSION = "1.0"

_LABELS = {
    "title": ("Compliance report", "合规检查报告"),
    "opinion": ("Opinion", "意见"),
    "as_of": ("As of", "检查日期"),
    "policy": ("Policy", "政策参数"),
    "default_policy": ("the opinion's numbers, default interpretations", "意见原定标准，默认解释"),
    "changed": ("changed", "已调整"),
    "effective": ("in force since", "生效日期"),
    "summary": ("Summary", "汇总"),
    "district_wide": ("District-wide", "全区"),
    "status": ("Status", "状态"),
    "clause": ("Clause", "条款"),
    "rule": ("Rule", "规则"),
    "required": ("Required", "要求"),
    "actual": ("Actual", "实际"),
    "gap": ("Gap", "差距"),
    "message": ("Message", "说明"),
    "by_clause": ("Status by clause", "各条款检查结果"),
    "by_office": ("Compliance by sub-district office", "各街道办事处符合情况"),
    "findings": ("findings", "项"),
    "in_principle": ("in principle", "原则上"),
    "permissive": ("may", "可"),
    "inputs": ("Inputs", "输入"),
    "parameters": ("Policy parameters", "政策参数"),
    "interpretations": ("Interpretations", "解释"),
    "text": ("Text of the clause", "条款原文"),
    "none": ("none", "无"),
    "unknown_date": ("not given", "未指定"),
}

_SYMBOL = {
    Status.MET: "✓",
    Status.NOT_MET: "✗",
    Status.UNKNOWN: "?",
    Status.NOT_APPLICABLE: "–",
}

_COLOUR = {
    Status.MET: "#2e7d32",
    Status.NOT_MET: "#c62828",
    Status.UNKNOWN: "#f9a825",
    Status.NOT_APPLICABLE: "#9e9e9e",
}


def _lang(lang: str) -> int:
    if lang not in ("en", "zh"):
        raise InvalidValue(
            "lang", lang, "is not a language (valid: zh, en)", "不是有效语言（有效值：zh, en）"
        )
    return 0 if lang == "en" else 1


def _label(key: str, lang: str) -> str:
    return _LABELS[key][_lang(lang)]


def _status(status: Status, lang: str) -> str:
    return status.zh if lang == "zh" else status.en


def display_width(text: str) -> int:
    """The number of terminal columns ``text`` takes (wide CJK characters count two)."""
    require("text", text, str)
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` terminal columns."""
    check_count("width", width)
    return text + " " * max(0, width - display_width(text))


def _value(value: Value, unit: str | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, Decimal):
        text = f"{value:,}" if abs(value) >= 10000 else str(value)
    else:
        text = str(value)
    return f"{text} {unit}" if unit else text


def finding_row(f: Finding) -> dict[str, Any]:
    """One finding as a plain dict (the shape of ``Report.rows()`` and the JSON report)."""
    require("f", f, Finding)
    return {
        "rule": f.rule,
        "clause": f.clause,
        "status": f.status.value,
        "modality": f.modality.value,
        "community": f.community,
        "office": f.office,
        "subject": f.subject,
        "required": f.required,
        "actual": f.actual,
        "gap": f.gap,
        "unit": f.unit,
        "message_en": f.message_en,
        "message_zh": f.message_zh,
        "interpretations": list(f.interpretations),
        "parameters": list(f.parameters),
        "inputs": dict(f.inputs),
    }


def _report(report: object) -> Report:
    """``report`` if it is a :class:`~community_rules.compliance.Report`, else an error naming it."""
    from .compliance import Report

    return require("report", report, Report)


def _policy_line(report: Report, lang: str) -> str:
    from .policy import DEFAULT_POLICY

    changes = report.policy.changes_from(DEFAULT_POLICY)
    if not changes:
        text = _label("default_policy", lang)
    else:
        text = f"{_label('changed', lang)}: " + ", ".join(
            f"{name}={_plain(new)}" for name, (_, new) in changes.items()
        )
    if report.policy_effective is not None:
        text += f" ({_label('effective', lang)} {report.policy_effective.isoformat()})"
    return text


def _plain(value: Any) -> str:
    return str(getattr(value, "value", value))


def _summary(report: Report, lang: str) -> str:
    return " · ".join(f"{n} {_status(s, lang)}" for s, n in report.counts().items())


def _groups(
    report: Report,
) -> list[tuple[str | None, str | None, list[tuple[str | None, str | None, list[Finding]]]]]:
    """Findings grouped office → community in document order; district-wide last."""
    by_community: dict[str | None, list[Finding]] = {}
    for f in report.findings:
        by_community.setdefault(f.community, []).append(f)
    office_names = dict(report.offices)
    groups: list[tuple[str | None, str | None, list[tuple[str | None, str | None, list[Finding]]]]] = []
    current: str | None = "\0"
    for cid, cname, office in report.communities:
        if office != current:
            groups.append((office, office_names.get(office) if office else None, []))
            current = office
        groups[-1][2].append((cid, cname, by_community.get(cid, [])))
    if None in by_community:
        groups.append((None, None, [(None, None, by_community[None])]))
    return groups


def _heading(ident: str | None, name: str | None) -> str:
    if name and ident:
        return f"{name} ({ident})"
    return ident or name or ""


def _modality_note(f: Finding, lang: str) -> str:
    if f.modality is Modality.IN_PRINCIPLE:
        return f" [{_label('in_principle', lang)}]"
    if f.modality is Modality.PERMISSIVE:
        return f" [{_label('permissive', lang)}]"
    return ""


def report_text(report: Report, lang: str = "en") -> str:
    """The report as terminal text."""
    _report(report)
    _lang(lang)
    lines = [
        f"{_label('title', lang)}: {_heading(report.subject, report.name)}",
        f"{_label('opinion', lang)}: SHA-256 {report.source_sha256[:16]}…  "
        f"{_label('as_of', lang)}: {report.as_of.isoformat() if report.as_of else _label('unknown_date', lang)}",
        f"{_label('policy', lang)}: {_policy_line(report, lang)}",
        f"{_label('summary', lang)}: {_summary(report, lang)}",
    ]
    rows: list[tuple[str, ...]] = []
    for office, office_name, communities in _groups(report):
        rows.append(("=", _heading(office, office_name) or _label("district_wide", lang)))
        for cid, cname, findings in communities:
            if cid is not None:
                rows.append(("-", _heading(cid, cname)))
            for f in findings:
                subject = f" <{f.subject}>" if f.subject else ""
                rows.append(
                    (
                        f"{_SYMBOL[f.status]} {_status(f.status, lang)}",
                        f.clause,
                        f.rule + subject,
                        _value(f.required, f.unit),
                        _value(f.actual, f.unit),
                        f.message(lang) + _modality_note(f, lang),
                    )
                )
    widths = [0] * 5
    for row in rows:
        if len(row) > 2:
            for i in range(5):
                widths[i] = max(widths[i], display_width(row[i]))
    header = (
        _label("status", lang),
        _label("clause", lang),
        _label("rule", lang),
        _label("required", lang),
        _label("actual", lang),
        _label("message", lang),
    )
    for i in range(5):
        widths[i] = max(widths[i], display_width(header[i]))
    lines.append("")
    lines.append("  " + "  ".join(pad(header[i], widths[i]) for i in range(5)) + "  " + header[5])
    for row in rows:
        if row[0] == "=":
            lines.append("")
            lines.append(f"== {row[1]}")
        elif row[0] == "-":
            lines.append(f"-- {row[1]}")
        else:
            lines.append("  " + "  ".join(pad(row[i], widths[i]) for i in range(5)) + "  " + row[5])
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def report_markdown(report: Report, lang: str = "en") -> str:
    """The report as Markdown (a summary, then a table per community)."""
    _report(report)
    _lang(lang)
    out = [
        f"# {_label('title', lang)}: {_md(_heading(report.subject, report.name))}",
        "",
        f"- {_label('opinion', lang)}: SHA-256 `{report.source_sha256}`",
        f"- {_label('as_of', lang)}: {report.as_of.isoformat() if report.as_of else _label('unknown_date', lang)}",
        f"- {_label('policy', lang)}: {_md(_policy_line(report, lang))}",
        f"- {_label('summary', lang)}: {_summary(report, lang)}",
        "",
    ]
    header = (
        f"| {_label('status', lang)} | {_label('clause', lang)} | {_label('rule', lang)} | "
        f"{_label('required', lang)} | {_label('actual', lang)} | {_label('gap', lang)} | "
        f"{_label('message', lang)} |"
    )
    for office, office_name, communities in _groups(report):
        out.append(f"## {_md(_heading(office, office_name) or _label('district_wide', lang))}")
        out.append("")
        for cid, cname, findings in communities:
            if cid is not None:
                out.append(f"### {_md(_heading(cid, cname))}")
                out.append("")
            out.append(header)
            out.append("|---|---|---|---|---|---|---|")
            for f in findings:
                subject = f" ({f.subject})" if f.subject else ""
                out.append(
                    f"| {_SYMBOL[f.status]} {_status(f.status, lang)} | {f.clause} | "
                    f"`{f.rule}`{_md(subject)} | {_md(_value(f.required, f.unit))} | "
                    f"{_md(_value(f.actual, f.unit))} | {_md(_value(f.gap, f.unit))} | "
                    f"{_md(f.message(lang) + _modality_note(f, lang))} |"
                )
            out.append("")
    return "\n".join(out)


def _bars(title: str, groups: dict[str, dict[Status, int]], lang: str) -> str:
    """A small inline SVG chart: one stacked horizontal bar per group."""
    label_width, bar_width, row = 170, 360, 22
    height = row * len(groups) + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{label_width + bar_width + 60}" '
        f'height="{height}" aria-label="{html.escape(title)}">',
        f'<text x="0" y="14" font-size="13" font-weight="bold">{html.escape(title)}</text>',
    ]
    for i, (name, counts) in enumerate(groups.items()):
        y = 26 + i * row
        total = sum(counts.values()) or 1
        parts.append(f'<text x="0" y="{y + 14}" font-size="12">{html.escape(name)}</text>')
        x = float(label_width)
        for status in Status:
            n = counts.get(status, 0)
            if not n:
                continue
            w = bar_width * n / total
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="16" fill="{_COLOUR[status]}">'
                f"<title>{html.escape(name)}: {n} {html.escape(_status(status, lang))}</title></rect>"
            )
            x += w
        parts.append(
            f'<text x="{label_width + bar_width + 6}" y="{y + 13}" font-size="11">{sum(counts.values())}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


_CSS = """
.cr-report{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;font-size:14px;color:#222}
.cr-report table{border-collapse:collapse;margin:0 0 1em 0}
.cr-report th,.cr-report td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
.cr-report th{background:#f4f4f4}
.cr-report .met{color:#2e7d32}.cr-report .not_met{color:#c62828;font-weight:bold}
.cr-report .unknown{color:#a07800}.cr-report .not_applicable{color:#777}
.cr-report .charts svg{margin-right:2em}
"""


def report_html(report: Report, lang: str = "en", *, fragment: bool = False) -> str:
    """The report as a self-contained HTML page (or a fragment for notebooks)."""
    _report(report)
    _lang(lang)
    esc = html.escape
    body = [
        f'<div class="cr-report" lang="{"zh-Hans" if lang == "zh" else "en"}">',
        f"<h1>{esc(_label('title', lang))}: {esc(_heading(report.subject, report.name))}</h1>",
        "<ul>",
        f"<li>{esc(_label('opinion', lang))}: SHA-256 <code>{esc(report.source_sha256)}</code></li>",
        f"<li>{esc(_label('as_of', lang))}: "
        f"{esc(report.as_of.isoformat() if report.as_of else _label('unknown_date', lang))}</li>",
        f"<li>{esc(_label('policy', lang))}: {esc(_policy_line(report, lang))}</li>",
        f"<li>{esc(_label('summary', lang))}: {esc(_summary(report, lang))}</li>",
        "</ul>",
        '<div class="charts">',
        _bars(_label("by_clause", lang), dict(sorted(report.counts_by("clause").items())), lang),
    ]
    by_office = {k: v for k, v in report.counts_by("office").items() if k != "—"}
    if by_office:
        body.append(_bars(_label("by_office", lang), by_office, lang))
    body.append("</div>")
    heads = ("status", "clause", "rule", "required", "actual", "gap", "message")
    for office, office_name, communities in _groups(report):
        body.append(f"<h2>{esc(_heading(office, office_name) or _label('district_wide', lang))}</h2>")
        for cid, cname, findings in communities:
            if cid is not None:
                body.append(f"<h3>{esc(_heading(cid, cname))}</h3>")
            body.append("<table><thead><tr>")
            body.extend(f"<th>{esc(_label(h, lang))}</th>" for h in heads)
            body.append("</tr></thead><tbody>")
            for f in findings:
                subject = f" ({f.subject})" if f.subject else ""
                body.append(
                    f'<tr><td class="{f.status.value}">{_SYMBOL[f.status]} {esc(_status(f.status, lang))}</td>'
                    f"<td>{esc(f.clause)}</td><td><code>{esc(f.rule)}</code>{esc(subject)}</td>"
                    f"<td>{esc(_value(f.required, f.unit))}</td><td>{esc(_value(f.actual, f.unit))}</td>"
                    f"<td>{esc(_value(f.gap, f.unit))}</td>"
                    f"<td>{esc(f.message(lang) + _modality_note(f, lang))}</td></tr>"
                )
            body.append("</tbody></table>")
    body.append("</div>")
    fragment_html = f"<style>{_CSS}</style>" + "".join(body)
    if fragment:
        return fragment_html
    title = f"{_label('title', lang)}: {_heading(report.subject, report.name)}"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{"zh-Hans" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title></head><body>{fragment_html}</body></html>\n"
    )


def report_json(report: Report, *, indent: int | None = 2) -> str:
    """The report as JSON: ``schema_version``, what it rests on, summaries and findings.

    Decimals are strings; nothing depends on the clock or on hash order, so the
    output is byte-identical across runs.
    """
    _report(report)
    from . import __version__
    from .documents import to_json
    from .policy import DEFAULT_POLICY

    changes = report.policy.changes_from(DEFAULT_POLICY)
    document = {
        "schema_version": SCHEMA_VERSION,
        "generator": f"community_rules {__version__}",
        "subject": report.subject,
        "name": report.name,
        "as_of": report.as_of,
        "source_sha256": report.source_sha256,
        "policy": {
            "effective": report.policy_effective,
            "changes_from_default": {name: _plain_json(new) for name, (_, new) in changes.items()},
        },
        "summary": {
            "status": {s.value: n for s, n in report.counts().items()},
            "by_clause": {
                k: {s.value: n for s, n in v.items()} for k, v in sorted(report.counts_by("clause").items())
            },
            "by_office": {
                k: {s.value: n for s, n in v.items()} for k, v in report.counts_by("office").items()
            },
        },
        "findings": [finding_row(f) for f in report.findings],
    }
    return to_json(document, indent=indent)


def _plain_json(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    if hasattr(value, "value") and not isinstance(value, Decimal):
        return value.value
    return value


def explanation_text(explanation: Explanation, lang: str = "en") -> str:
    """One explanation as readable lines: the finding, clause, inputs, parameters, readings."""
    from .compliance import Explanation

    require("explanation", explanation, Explanation)
    _lang(lang)
    f = explanation.finding
    where = f.community or _label("district_wide", lang)
    if f.subject:
        where += f" <{f.subject}>"
    lines = [
        f"{f.rule} — {explanation.rule.title(lang)} ({where})",
        f"  {_label('status', lang)}: {_SYMBOL[f.status]} {_status(f.status, lang)}{_modality_note(f, lang)}",
        f"  {_label('required', lang)}: {_value(f.required, f.unit)};  "
        f"{_label('actual', lang)}: {_value(f.actual, f.unit)};  {_label('gap', lang)}: {_value(f.gap, f.unit)}",
        f"  {_label('message', lang)}: {f.message(lang)}",
        f"  {_label('clause', lang)} {explanation.clause.id}: {explanation.clause.title(lang)}",
    ]
    if f.inputs:
        lines.append(f"  {_label('inputs', lang)}:")
        lines.extend(f"    {name} = {_value(value, None)}" for name, value in f.inputs)
    if explanation.parameters:
        lines.append(f"  {_label('parameters', lang)}:")
        for p in explanation.parameters:
            lines.append(f"    {p.name} = {_plain(p.value)}  [{p.clause}] {p.words}")
        if explanation.policy_effective is not None:
            lines.append(f"    ({_label('effective', lang)} {explanation.policy_effective.isoformat()})")
    if explanation.interpretations:
        lines.append(f"  {_label('interpretations', lang)}:")
        for i in explanation.interpretations:
            lines.append(f"    {i.id} {i.title} [{i.clause}] {i.words_zh}: {i.default}")
    return "\n".join(lines) + "\n"
