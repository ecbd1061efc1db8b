"""Sphinx configuration: MyST Markdown, the furo theme, autodoc; built with -n -W in CI.

The pages that trace the opinion to the code (the opinion clause by clause,
the traceability matrix, the interpretations, the glossary, the list of
public names) are generated at build time by the local extension
``_ext/traceability.py``; it stops the build when a clause id in the code, or
a name in ``_ext/rules_map.toml``, does not exist.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))

import re  # noqa: E402
from typing import Any  # noqa: E402

import community_rules  # noqa: E402

project = "community_rules"
author = "The community_rules developers"
copyright = "2026, the community_rules developers"
release = community_rules.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
    "traceability",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3
exclude_patterns = ["_build", "_scripts", "_ext", "Thumbs.db", ".DS_Store"]

html_theme = "furo"
html_title = "community_rules"
html_static_path = ["_static"]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
# Show a default as written in the source: ``policy=DEFAULT_POLICY``, not the
# Policy's forty-field repr.
autodoc_preserve_defaults = True
nitpicky = True
# No network in CI, so no intersphinx: names from the standard library and
# third-party packages are left unresolved on purpose. Every module of the
# standard library is listed (``sys.stdlib_module_names``, Python 3.10+), so a
# docstring may name ``concurrent.futures`` or ``gc.freeze`` without breaking -n;
# a name of this package that does not resolve still fails the build.
_STDLIB = "|".join(sorted(m for m in sys.stdlib_module_names if not m.startswith("_")))
nitpick_ignore_regex = [
    (r"py:.*", rf"(_io|{_STDLIB})(\..*)?"),
    (r"py:.*", r"(attrs?|cattrs|dateutil|hypothesis|numpy|dask|distributed)(\..*)?"),
    (
        r"py:.*",
        r"(Decimal|Any|Iterator|Iterable|Mapping|Sequence|Callable|TextIO|Path|PathLike|TypeAlias|Union|Protocol|T|E|Value)",
    ),
    (
        r"py:.*",
        r"(int|str|bool|float|bytes|tuple|list|dict|set|frozenset|object|type|None|NoneType|Exception|ValueError|TypeError|LookupError|KeyError)",
    ),
    (r"py:.*", r"(date|datetime\.date|Counter|SearchStrategy|st\..*|ellipsis)"),
]


def _tidy_signature(
    app: Any,
    what: str,
    name: str,
    obj: Any,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None] | None:
    """Write a frozenset of enum members (an attrs default) as the source does: ``frozenset(Insurance)``.

    Its repr lists the members in hash order, which changes from run to run.
    """
    if signature is None or "frozenset({<" not in signature:
        return None
    tidy = re.sub(r"frozenset\(\{<(\w+)\.[^}]*\}\)", r"frozenset(\1)", signature)
    return tidy, return_annotation


def setup(app: Any) -> None:
    app.connect("autodoc-process-signature", _tidy_signature)
