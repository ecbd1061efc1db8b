"""``python -m community_rules``: the command line (see :mod:`community_rules.cli`)."""

from .cli import main

raise SystemExit(main())
