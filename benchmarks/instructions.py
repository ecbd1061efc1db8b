"""Count the machine instructions of one community's check, of making or of loading communities.

Times on a shared machine vary by a factor of two over an afternoon (see
``docs/performance.md``); the number of instructions a piece of work
executes does not. This script runs Python under valgrind's callgrind
twice — once doing the work once, once doing it ``1 + n`` times — and
reports the difference divided by ``n``: the instructions of one call,
without the interpreter's start-up and the imports. It is how the changes
of this project's performance work were compared (two versions of the
package, one run each, no noise); it is slow (about a minute a run) and
needs ``valgrind``.

    python benchmarks/instructions.py check typical      # bare | typical | full (scalar.py)
    python benchmarks/instructions.py modules full       # the same check, rule module by rule module
    python benchmarks/instructions.py load               # 300 communities of the synthetic nation, from JSON
    python benchmarks/instructions.py make               # communities of the synthetic nation, made (national.py)
    python benchmarks/instructions.py check full --package /tmp/old   # another copy of the package

``--package`` puts a directory holding another ``community_rules`` first on
``sys.path``, to compare two versions.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

_CHILD = """
import sys
sys.path[:0] = [p for p in ({package!r}, {here!r}) if p]
import community_rules as cr
n = int(sys.argv[1])
if {what!r} == "check":
    from scalar import communities
    community = communities()[{name!r}]
    for _ in range(n):
        cr.check(community)
elif {what!r} == "modules":
    import datetime
    import importlib
    from scalar import communities
    community = communities()[{name!r}]
    module = importlib.import_module({module!r})
    today = datetime.date.today()
    for _ in range(n):
        list(module.check_community(community, policy=cr.DEFAULT_POLICY, as_of=today))
elif {what!r} == "make":
    import random
    from national import make_community
    rng = random.Random(7)
    for i in range(n):
        make_community(rng, f"C{{i}}")
else:
    from community_rules.documents import load_district
    raw = open({document!r}, "rb").read()
    for _ in range(n):
        load_district(raw)
"""


def _instructions(code: str, times: int) -> int:
    """The instructions callgrind counts for ``python -c code times``."""
    env = dict(os.environ, PYTHONHASHSEED="0")  # the same hashes, the same work, run to run
    result = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            "-c",
            code,
            str(times),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    found = re.search(r"Collected : (\d+)", result.stderr)
    if found is None:  # pragma: no cover - valgrind's output changed
        raise SystemExit(f"no instruction count in valgrind's output:\n{result.stderr}")
    return int(found.group(1))


def _document(directory: str) -> str:
    import json

    sys.path.insert(0, str(HERE))
    from national import national_district

    from community_rules.documents import dump_district

    path = os.path.join(directory, "communities.json")
    with open(path, "w", encoding="utf-8") as out:
        json.dump(dump_district(national_district(300, seed=3)), out, ensure_ascii=False)
    return path


def _code(package: str, what: str, community: str, *, document: str = "", module: str = "") -> str:
    return _CHILD.format(
        package=package, here=str(HERE), what=what, name=community, document=document, module=module
    )


def _per_call(code: str, n: int) -> float:
    """Instructions per call of the work in ``code``, done ``n`` more times in a second run."""
    _instructions(code, 1)  # writes any stale .pyc files, whose compiling would count in the next run
    once = _instructions(code, 1)
    more = _instructions(code, 1 + n)
    return (more - once) / n


def _modules(package: str, community: str, n: int) -> None:
    """Print the instructions of each rule module's ``check_community`` for ``community``, and their sum."""
    sys.path[:0] = [p for p in (package,) if p]
    from community_rules.compliance import RULE_MODULES

    total = 0.0
    print(f"check of the {community} community, module by module (instructions per call):")
    for name in RULE_MODULES:
        per = _per_call(_code(package, "modules", community, module=f"community_rules.{name}"), n)
        total += per
        print(f"  {name:14} {per:12,.0f}", flush=True)
    print(f"  {'together':14} {total:12,.0f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["check", "modules", "make", "load"])
    parser.add_argument("community", nargs="?", default="typical", choices=["bare", "typical", "full"])
    parser.add_argument(
        "-n", type=int, default=None, help="extra calls (default: 200 checks, 300 communities made, 2 loads)"
    )
    parser.add_argument("--package", default="", help="a directory holding another community_rules")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    n = args.n or {"check": 200, "modules": 200, "make": 300, "load": 2}[args.what]
    if args.what == "modules":
        _modules(args.package, args.community, n)
        return
    with tempfile.TemporaryDirectory() as directory:
        document = _document(directory) if args.what == "load" else ""
        code = _code(args.package, args.what, args.community, document=document)
        per = _per_call(code, n)
    if args.what == "check":
        print(f"check of the {args.community} community: {per:,.0f} instructions per call")
    elif args.what == "make":
        print(f"making a community of the synthetic nation: {per:,.0f} instructions per community")
    else:
        print(f"load of 300 communities: {per:,.0f} instructions per call ({per / 300:,.0f} per community)")


if __name__ == "__main__":
    main()
