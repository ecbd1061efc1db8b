"""Checking a district or a nation on a Dask cluster, with the same report as :func:`~.compliance.check`.

When one machine is outgrown, the same pure functions run on a `Dask
<https://www.dask.org>`_ cluster (an optional dependency: ``pip install
community_rules[dask]``). :func:`check_dask` cuts the district into chunks
of communities (:func:`~community_rules.parallel.chunks`), has the cluster's
workers check them (:func:`~community_rules.parallel.check_chunk`: every
community-level rule, findings back as plain rows) and puts the report
together on the client (:func:`~community_rules.parallel.assemble`: the
district-wide rules of 3.3 and the report) — a
:class:`~community_rules.compliance.Report` **equal** to
``check(district)``, the same findings in the same order.

Given a :class:`distributed.Client`, the chunks go to its cluster with
``client.map`` and come back with ``client.gather`` in order; without one,
the client of the current context (``distributed.get_client``) is used if
there is one, else a :mod:`dask.bag` runs on Dask's local multiprocessing
scheduler.

For a nation whose data already lives on the cluster (each worker reading
its own offices from a database or a file), map a function that loads a
part and calls :func:`~community_rules.parallel.check_chunk` on it, and
assemble the rows on the client; ``docs/performance.md`` shows it, and the
same three steps on PySpark.

>>> from community_rules.sample import sample_district
>>> import community_rules as cr
>>> check_dask(sample_district(), partitions=3, scheduler="sync") == cr.check(sample_district())
True
"""

from __future__ import annotations

import datetime

try:
    import dask.bag
    import distributed
except ImportError as exc:  # pragma: no cover - exercised only without dask
    raise ImportError(
        "community_rules.distributed needs dask and distributed, optional dependencies: "
        "pip install community_rules[dask]"
    ) from exc

from ._fields import check_count
from .compliance import Report, _check_as_of, _resolve_policy, check
from .errors import InvalidType, InvalidValue
from .model import Community, District, SubDistrictOffice
from .parallel import Row, _district, assemble, check_chunk, chunks
from .policy import DEFAULT_POLICY, Policy, PolicyTimeline

__all__ = ["check_dask"]

#: Chunks per worker when ``partitions`` is left out.
_CHUNKS_PER_WORKER = 4
#: The schedulers :func:`check_dask` accepts without a client (those of ``dask.compute``).
_SCHEDULERS = ("processes", "threads", "sync")


def _rows(chunk: list[tuple[str, Community]], policy: Policy, as_of: datetime.date | None) -> list[Row]:
    return check_chunk(chunk, policy=policy, as_of=as_of)


def _current_client() -> distributed.Client | None:
    try:
        return distributed.get_client()
    except ValueError:  # no client in this context
        return None


def check_dask(
    subject: Community | SubDistrictOffice | District,
    *,
    client: distributed.Client | None = None,
    partitions: int | None = None,
    as_of: datetime.date | None = None,
    policy: Policy | PolicyTimeline = DEFAULT_POLICY,
    scheduler: str = "processes",
) -> Report:
    """:func:`~community_rules.compliance.check` on a Dask cluster: an equal report.

    ``partitions`` is the number of chunks the communities are cut into
    (default: four per worker of the client's cluster, else eight);
    ``scheduler`` is the local Dask scheduler used when there is no client
    (``"processes"``, ``"threads"`` or ``"sync"``). A single community is
    checked here, on the client.
    """
    if partitions is not None:
        check_count("partitions", partitions, minimum=1)
    if client is not None and not isinstance(client, distributed.Client):
        raise InvalidType(
            "client",
            client,
            f"is a {type(client).__name__}; expected a distributed.Client",
            f"类型为 {type(client).__name__}；应为 distributed.Client",
        )
    if scheduler not in _SCHEDULERS:
        raise InvalidValue(
            "scheduler",
            scheduler,
            f"is not a local Dask scheduler (valid: {', '.join(_SCHEDULERS)})",
            f"不是 Dask 的本地调度器（有效值：{'、'.join(_SCHEDULERS)}）",
        )
    if isinstance(subject, Community):
        return check(subject, as_of=as_of, policy=policy)
    day = _check_as_of(as_of)
    applied, _ = _resolve_policy(policy, day)
    district = _district(subject)
    active = client if client is not None else _current_client()
    total = sum(len(o.communities) for o in district.offices)
    if partitions is None:
        workers = len(active.scheduler_info().get("workers", {})) if active is not None else 2
        partitions = max(1, workers) * _CHUNKS_PER_WORKER
    parts = chunks(district, max(1, -(-total // partitions)))
    results: list[list[Row]]
    if not parts:
        results = []
    elif active is not None:
        futures = active.map(_rows, parts, policy=applied, as_of=day, pure=False)
        results = active.gather(futures)  # type: ignore[no-untyped-call]  # distributed is untyped here
    else:
        bag = dask.bag.from_sequence(parts, npartitions=len(parts))  # type: ignore[no-untyped-call]
        bag = bag.map(_rows, policy=applied, as_of=day)
        results = bag.compute(scheduler=scheduler)
    return assemble(district, results, as_of=as_of, policy=policy)
