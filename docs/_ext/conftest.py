"""pytest: the Sphinx extension is collected (for its doctests) only where Sphinx is installed.

The test extra (``pip install '.[test]'``) has no Sphinx; the docs extra has.
``tracemap.py``, which needs no Sphinx, is always collected, and
``tests/test_traceability.py`` makes its checks in every environment.
"""

from __future__ import annotations

import importlib.util

collect_ignore = [] if importlib.util.find_spec("sphinx") else ["traceability.py"]
