"""Sphinx configuration: MyST Markdown, the furo theme, autodoc; built with -n -W in CI."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))

import community_rules  # noqa: E402

project = "community_rules"
author = "The community_rules developers"
copyright = "2026, the community_rules developers"  # noqa: A001
release = community_rules.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3
exclude_patterns = ["_build", "_scripts", "Thumbs.db", ".DS_Store"]

html_theme = "furo"
html_title = "community_rules"
html_static_path = ["_static"]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
nitpicky = True
# No network in CI, so no intersphinx: names from the standard library and
# third-party packages are left unresolved on purpose.
nitpick_ignore_regex = [
    (r"py:.*", r"(decimal|datetime|enum|typing|collections|os|attrs?|cattrs|hypothesis|numpy|_io|io|pathlib|argparse|types)(\..*)?"),
    (r"py:.*", r"(Decimal|Any|Iterator|Iterable|Mapping|Sequence|Callable|TextIO|Path|PathLike|TypeAlias|Union|Protocol|T|E|Value)"),
    (r"py:.*", r"(int|str|bool|float|bytes|tuple|list|dict|set|frozenset|object|type|None|NoneType|Exception|ValueError|TypeError|LookupError|KeyError)"),
    (r"py:.*", r"(date|datetime\.date|Counter|SearchStrategy|st\..*|ellipsis)"),
]
