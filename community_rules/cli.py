"""The command line: ``community-rules`` (also ``python -m community_rules``).

Verbs:

- ``report [FILE]`` — check a district (the embedded sample when FILE is left
  out) and print the report;
- ``partition [FILE]`` — the residential sub-areas and building heads (2.2.1);
- ``budget [FILE] --year YEAR`` — the minimum funds, allowances and pay (2.2.2, 3.2);
- ``assess [FILE] --scores SCORES [--ballots CSV]`` — the three-tier assessment
  (4.3; the sample district's scores by default);
- ``explain RULE [FILE] [--community ID]`` — why a rule came out as it did;
- ``clauses`` — the opinion clause by clause; ``interpretations`` — I-1…I-20;
- ``compare [FILE]`` — which alternative readings change which findings;
- ``schema input|report`` — the JSON Schemas.

Common options: ``--format text|markdown|html|json``, ``--lang zh|en``,
``--as-of DATE``, ``--policy FILE`` (TOML or JSON overriding Policy fields),
``--adoption-year YEAR`` (sets "this year", 今年, SPEC I-13), ``--output FILE``.
Exit status: 0; 1 with ``--fail-on not-met`` when a mandatory rule is not met;
2 for bad input, with a one-line message naming the path and no traceback.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

import attrs

from . import __version__
from .errors import Error, InvalidValue
from .model import District
from .policy import DEFAULT_POLICY, Policy

__all__ = ["main"]

FORMATS = ("text", "markdown", "html", "json")


def _load(path: str | None) -> District:
    if path is None:
        from .sample import sample_district

        return sample_district()
    from .documents import load_district

    return load_district(path)


def _date(text: str) -> datetime.date:
    from .dates import parse_date

    try:
        return parse_date(text, "--as-of")
    except Error as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _policy(args: argparse.Namespace) -> Policy:
    policy = DEFAULT_POLICY
    if getattr(args, "policy", None):
        from .documents import load_policy

        try:
            policy = load_policy(args.policy)
        except Error as exc:
            raise exc.with_prefix(f"--policy {args.policy}") from None
    if getattr(args, "adoption_year", None) is not None:
        policy = attrs.evolve(policy, adoption_year=args.adoption_year)
    return policy


def _progress(stream: TextIO) -> Callable[[int, int], None] | None:
    if not stream.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total >= 200 and (done % 100 == 0 or done == total):
            stream.write(f"\rchecking communities: {done}/{total}")
            if done == total:
                stream.write("\n")
            stream.flush()

    return show


def _cmd_report(args: argparse.Namespace) -> tuple[str, int]:
    from .compliance import check

    district = _load(args.file)
    report = check(district, as_of=args.as_of, policy=_policy(args), progress=_progress(sys.stderr))
    text = {
        "text": report.to_text,
        "markdown": report.to_markdown,
        "html": report.to_html,
    }.get(args.format)
    out = report.to_json() if text is None else text(args.lang)
    status = 1 if args.fail_on == "not-met" and report.has_failures() else 0
    return out, status


def _cmd_explain(args: argparse.Namespace) -> tuple[str, int]:
    from .compliance import check, rule
    from .documents import to_json
    from .render import finding_row

    rule(args.rule)  # an unknown rule fails before any work
    district = _load(args.file)
    if args.community is not None:
        district.community(args.community)  # names the id if it is unknown
    report = check(district, as_of=args.as_of, policy=_policy(args))
    explanations = report.explain(args.rule, args.community)
    if args.format == "json":
        return to_json(
            [
                {
                    **finding_row(e.finding),
                    "clause_text_zh": e.clause.text_zh,
                    "policy_effective": e.policy_effective,
                    "parameter_values": {p.name: p.value for p in e.parameters},
                }
                for e in explanations
            ]
        ), 0
    return "\n".join(e.to_text(args.lang) for e in explanations), 0


def _cmd_partition(args: argparse.Namespace) -> tuple[str, int]:
    from .documents import to_json
    from .partitioning import partition

    district = _load(args.file)
    policy = _policy(args)
    communities = [district.community(args.community)] if args.community else list(district.communities())
    results = [(c, partition(c.buildings, policy=policy)) for c in communities if c.buildings]
    if args.format == "json":
        return to_json({c.id: p for c, p in results}), 0
    zh = args.lang == "zh"
    lines = []
    for community, plan in results:
        lines.append(
            f"{community.name or community.id} ({community.id}): "
            + (
                f"{plan.sub_area_heads} 名小区长，{plan.building_heads} 名楼长"
                if zh
                else f"{plan.sub_area_heads} sub-area heads, {plan.building_heads} building heads"
            )
        )
        for i, area in enumerate(plan.sub_areas, 1):
            where = f" [{area.compound}]" if area.compound else ""
            groups = " | ".join(
                "+".join(b.id for b in g.buildings) + f" ({g.households})" for g in area.groups
            )
            lines.append(
                f"  {'小区' if zh else 'sub-area'} {i}{where}: {area.households} "
                f"{'户' if zh else 'households'}; {'楼长分组' if zh else 'building heads'}: {groups}"
            )
    return "\n".join(lines) + "\n", 0


def _cmd_budget(args: argparse.Namespace) -> tuple[str, int]:
    from .budgeting import budget
    from .documents import to_json

    district = _load(args.file)
    result = budget(district, args.year, policy=_policy(args))
    if args.format == "json":
        return to_json(result.rows()), 0
    if args.format == "markdown":
        return result.to_markdown(lang=args.lang), 0
    return result.to_text(lang=args.lang), 0


def _cmd_assess(args: argparse.Namespace) -> tuple[str, int]:
    from .assessment import assess
    from .documents import to_json
    from .scores import load_scores

    if args.scores is None:
        if args.file is not None:
            raise InvalidValue(
                "--scores",
                None,
                "is needed with a district FILE (the sample scores fit only the sample)",
                "指定区文件时需要 --scores（示例分数只适用于示例区）",
            )
        from .sample import sample_scores

        scores = sample_scores()
    else:
        scores = load_scores(args.scores, ballots=args.ballots)
    district = _load(args.file)
    result = assess(district, scores, policy=_policy(args))
    if args.format == "json":
        return to_json(result.rows()), 0
    if args.format == "markdown":
        return result.to_markdown(lang=args.lang), 0
    return result.to_text(lang=args.lang), 0


def _cmd_clauses(args: argparse.Namespace) -> tuple[str, int]:
    from .documents import to_json
    from .opinion import clauses

    if args.format == "json":
        return to_json([attrs.asdict(c) for c in clauses()]), 0
    lines = []
    for c in clauses():
        title = c.title(args.lang)
        lines.append(f"[{c.id}] {title}" if title else f"[{c.id}]")
        if c.text(args.lang):
            lines.append(c.text(args.lang))
        lines.append("")
    return "\n".join(lines), 0


def _cmd_interpretations(args: argparse.Namespace) -> tuple[str, int]:
    from .documents import to_json
    from .readings import interpretations

    if args.format == "json":
        return to_json([attrs.asdict(i) for i in interpretations()]), 0
    lines = []
    for i in interpretations():
        local = " (local choice)" if i.local else ""
        lines.append(f"{i.id} {i.title}{local} — clause {i.clause}: {i.words_zh}")
        lines.append(f"  default: {i.default}")
        lines.extend(f"  alternative: {a}" for a in i.alternatives)
        lines.append(f"  why: {i.reason}")
        lines.append(f"  Policy fields: {', '.join(i.policy_fields) or '—'}")
        lines.append("")
    return "\n".join(lines), 0


def _cmd_compare(args: argparse.Namespace) -> tuple[str, int]:
    from .compliance import sensitivity
    from .documents import to_json

    district = _load(args.file)
    comparisons = sensitivity(district, policy=_policy(args), as_of=args.as_of)
    if args.format == "json":
        return to_json(
            [
                {
                    "fields": {
                        n: [str(getattr(a, "value", a)), str(getattr(b, "value", b))]
                        for n, a, b in c.changed_fields
                    },
                    "interpretations": list(c.interpretations),
                    "changes": [
                        {
                            "rule": ch.rule,
                            "community": ch.community,
                            "subject": ch.subject,
                            "before": ch.before.status.value if ch.before else None,
                            "after": ch.after.status.value if ch.after else None,
                        }
                        for ch in c.changes
                    ],
                }
                for c in comparisons
            ]
        ), 0
    lines = []
    for c in comparisons:
        fields = ", ".join(
            f"{n}: {getattr(a, 'value', a)} → {getattr(b, 'value', b)}" for n, a, b in c.changed_fields
        )
        lines.append(f"{'/'.join(c.interpretations) or '—'} {fields}: {len(c.changes)} findings change")
        for ch in c.changes:
            before = ch.before.status.value if ch.before else "—"
            after = ch.after.status.value if ch.after else "—"
            who = ch.community or "district"
            lines.append(
                f"  {ch.rule} {who}{' <' + ch.subject + '>' if ch.subject else ''}: {before} → {after}"
            )
    return "\n".join(lines) + "\n", 0


def _cmd_schema(args: argparse.Namespace) -> tuple[str, int]:
    from .documents import to_json
    from .schema import input_schema, report_schema

    return to_json(input_schema() if args.which == "input" else report_schema()), 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="community-rules",
        description="Check urban communities against the district's guiding opinion "
        "(关于进一步加强城市社区建设的指导意见).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--format", choices=FORMATS, default="text")
    common.add_argument("--lang", choices=("zh", "en"), default="en")
    common.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    rules = argparse.ArgumentParser(add_help=False)
    rules.add_argument("--as-of", type=_date, metavar="DATE", help="date of the check (YYYY-MM-DD)")
    rules.add_argument("--policy", metavar="FILE", help="TOML or JSON overriding Policy fields")
    rules.add_argument("--adoption-year", type=int, metavar="YEAR", help="'this year' (今年), SPEC I-13")
    district_file = argparse.ArgumentParser(add_help=False)
    district_file.add_argument("file", nargs="?", help="district JSON or TOML (default: the embedded sample)")

    sub = parser.add_subparsers(dest="verb", required=True, metavar="VERB")

    p = sub.add_parser(
        "report", parents=[district_file, common, rules], help="check a district and print the report"
    )
    p.add_argument(
        "--fail-on",
        choices=("never", "not-met"),
        default="never",
        help="exit 1 when a mandatory rule is not met",
    )
    p.set_defaults(run=_cmd_report)

    p = sub.add_parser("explain", parents=[common, rules], help="explain the findings of one rule")
    p.add_argument("rule", help="a rule id such as staffing.quota")
    p.add_argument("file", nargs="?", help="district JSON or TOML (default: the embedded sample)")
    p.add_argument("--community", metavar="ID")
    p.set_defaults(run=_cmd_explain)

    p = sub.add_parser(
        "partition", parents=[district_file, common, rules], help="sub-areas and building heads"
    )
    p.add_argument("--community", metavar="ID")
    p.set_defaults(run=_cmd_partition)

    p = sub.add_parser(
        "budget", parents=[district_file, common, rules], help="minimum funds, allowances and pay"
    )
    p.add_argument("--year", type=int, default=datetime.date.today().year, help="calendar year of the budget")
    p.set_defaults(run=_cmd_budget)

    p = sub.add_parser("assess", parents=[district_file, common, rules], help="the three-tier assessment")
    p.add_argument("--scores", metavar="FILE", help="scores JSON or TOML (default: the sample's scores)")
    p.add_argument("--ballots", metavar="CSV", help="residents' ballots as CSV, added to the scores")
    p.set_defaults(run=_cmd_assess)

    p = sub.add_parser("clauses", parents=[common], help="the opinion clause by clause")
    p.set_defaults(run=_cmd_clauses)
    p = sub.add_parser("interpretations", parents=[common], help="the interpretations I-1…I-20")
    p.set_defaults(run=_cmd_interpretations)
    p = sub.add_parser(
        "compare",
        parents=[district_file, common, rules],
        help="which alternative readings change which findings",
    )
    p.set_defaults(run=_cmd_compare)
    p = sub.add_parser("schema", parents=[common], help="print a JSON Schema")
    p.add_argument("which", choices=("input", "report"))
    p.set_defaults(run=_cmd_schema)
    return parser


def _write(text: str, output: str | None, stream: TextIO) -> None:
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InvalidValue(
                "--output", output, f"cannot be written: {exc.strerror}", f"无法写入：{exc.strerror}"
            ) from None
    else:
        stream.write(text if text.endswith("\n") else text + "\n")


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 not met with --fail-on, 2 bad input)."""
    args = _parser().parse_args(argv)
    stream = out if out is not None else sys.stdout
    try:
        text: str
        status: int
        text, status = args.run(args)
        _write(text, args.output, stream)
        stream.flush()
    except Error as exc:
        sys.stderr.write(f"community-rules: error: {exc}\n")
        return 2
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        sys.stderr.close()
        return 0
    return status
