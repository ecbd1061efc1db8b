"""The cyclic garbage collector paused while many objects are made (private).

Loading or checking a large district makes millions of objects — buildings,
communities, findings — none of which hold reference cycles. With the
collector running, each of its full passes scans every object made so far
again: about a fifth of the time of the national benchmark
(docs/performance.md). :func:`paused` stops it for the duration of such work
and restores it afterwards; the objects that existed before are frozen
(:func:`gc.freeze`, which also keeps forked workers from copying their pages)
unless the caller froze some already, and afterwards the objects made
meanwhile join them in the oldest generation, as if they had survived the
passes the pause skipped. Garbage with cycles made meanwhile is collected by
the next full pass of the collector (with a caller's freeze in place, by the
first pass after the collector resumes).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused"]


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the ``with`` block; restore its state after."""
    enabled = gc.isenabled()
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            # Freezing again before thawing puts the objects made meanwhile in the oldest
            # generation with the others, unscanned. Left young, the millions of them (a
            # nation and its findings) would be scanned by the very next collection, and
            # again as they aged: 8 s for the nation, spent by whatever ran next.
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()
