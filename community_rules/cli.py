"""The command line: ``community-rules`` (also ``python -m community_rules``).

Verbs: ``report [FILE]`` checks a district (the embedded sample when FILE is
left out) and prints the report; ``clauses`` prints the opinion clause by
clause. Bad input gives a one-line message naming the path and exit status 2,
never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from . import __version__
from .clauses import clauses
from .errors import Error
from .model import District

__all__ = ["main"]


def _load(path: str | None) -> District:
    if path is None:
        from .sample import sample_district

        return sample_district()
    from .documents import load_district

    return load_district(path)


def _overview(district: District, lang: str, out: TextIO) -> None:
    counts = district.counts()
    if lang == "zh":
        out.write(
            f"{district.name or district.id}：{counts['offices']} 个街道办事处，"
            f"{counts['communities']} 个社区，{counts['buildings']} 栋居民楼，"
            f"{counts['households']} 户\n"
        )
    else:
        out.write(
            f"{district.name or district.id}: {counts['offices']} sub-district offices, "
            f"{counts['communities']} communities, {counts['buildings']} buildings, "
            f"{counts['households']} households\n"
        )


def _cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    district = _load(args.file)
    _overview(district, args.lang, out)
    return 0


def _cmd_clauses(args: argparse.Namespace, out: TextIO) -> int:
    for c in clauses():
        title = c.title(args.lang)
        out.write(f"[{c.id}] {title}\n" if title else f"[{c.id}]\n")
        if c.text(args.lang):
            out.write(c.text(args.lang) + "\n")
        out.write("\n")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="community-rules",
        description="Check urban communities against the district's guiding opinion "
        "(关于进一步加强城市社区建设的指导意见).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="verb", required=True)

    report = sub.add_parser("report", help="check a district and print the report")
    report.add_argument("file", nargs="?", help="district JSON or TOML (default: the embedded sample)")
    report.add_argument("--lang", choices=("zh", "en"), default="en")
    report.set_defaults(run=_cmd_report)

    cl = sub.add_parser("clauses", help="print the opinion clause by clause")
    cl.add_argument("--lang", choices=("zh", "en"), default="en")
    cl.set_defaults(run=_cmd_clauses)
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 bad input)."""
    args = _parser().parse_args(argv)
    stream = out if out is not None else sys.stdout
    try:
        status: int = args.run(args, stream)
        stream.flush()
    except Error as exc:
        sys.stderr.write(f"community-rules: error: {exc}\n")
        return 2
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        sys.stderr.close()
        return 0
    return status
