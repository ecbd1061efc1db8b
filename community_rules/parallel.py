"""Checking many communities at once across processes, with the same report as :func:`~.compliance.check`.

A district system checks one community per request; a ministry-level user
checks tens of thousands. The rules are pure functions of one community (and,
for the district-wide rules of 3.3, of the whole district), so the
communities can be checked in any number of processes and the findings put
back together in document order: :func:`check_parallel` returns a
:class:`~community_rules.compliance.Report` **equal** to the one
:func:`~community_rules.compliance.check` returns — the same findings in the
same order — using the machine's cores through
:class:`concurrent.futures.ProcessPoolExecutor`.

The work is cut into three steps that any engine can run (this module runs
them on local processes, :mod:`community_rules.distributed` on a Dask
cluster, ``docs/performance.md`` shows PySpark):

1. :func:`chunks` cuts a district into chunks of ``(office id, community)``
   pairs, in document order;
2. :func:`check_chunk` checks one chunk — every community-level rule of
   every rule module, exactly as :func:`~.compliance.check` runs them — and
   returns the findings as plain **rows** (tuples of the
   :class:`~community_rules.findings.Finding` fields in
   :data:`FINDING_FIELDS` order), which cross a process boundary five times
   faster than ``Finding`` objects;
3. :func:`assemble` turns the rows of all chunks, in order, back into
   findings, adds the district-wide findings (the 70 % space target and the
   public rooms of 3.3) and builds the report.

How the communities reach the worker processes matters as much as the
checking: pickling a community of 50 buildings costs about as much as
checking it. Where the platform can ``fork`` and the calling process runs a
single thread, the workers inherit the district from the parent (copy on
write; :func:`gc.freeze` keeps the garbage collector from touching, and so
copying, the inherited objects) and receive only chunk numbers; elsewhere the chunks are pickled to
them. Coming back, a chunk's findings travel as rows and become
:class:`~community_rules.findings.Finding` objects in the parent; the cyclic
garbage collector is paused meanwhile (findings hold no cycles) and
restored afterwards.

The calling process is one of the ``workers``: rather than wait for the
next chunk in order, it checks the last chunk the pool has not started
(the pool takes them from the front), whose findings then need no rows and
no rebuilding. On two cores this process and one worker then share the
check: the nation's took 47 s instead of 60 s in one process
(``docs/performance.md`` has the numbers, and why the worker still waits
part of the time).

A district must be loaded before :func:`check_parallel` can check it.
:func:`check_as_loaded` overlaps the two: it takes the offices one at a
time as they are loaded and forks processes that check the communities
loaded so far, so that a nation is checked while it is still being read.

>>> import community_rules as cr
>>> district = cr.sample_district()
>>> check_parallel(district, workers=2, chunk_size=3) == cr.check(district)
True
>>> check_parallel(district, workers=0)
Traceback (most recent call last):
...
community_rules.errors.InvalidValue: workers: 0 is less than 1 ...
"""

from __future__ import annotations

import datetime
import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeGuard

import attrs

from ._collector import paused
from ._fields import check_count
from .compliance import (
    Report,
    _check_as_of,
    _community_findings,
    _district_report,
    _resolve_policy,
    check,
)
from .errors import Error, InvalidType, InvalidValue, WorkerFailed
from .findings import Finding
from .model import Community, District, SubDistrictOffice
from .policy import DEFAULT_POLICY, Policy, PolicyTimeline

__all__ = [
    "FINDING_FIELDS",
    "Chunk",
    "Row",
    "assemble",
    "check_as_loaded",
    "check_chunk",
    "check_parallel",
    "chunks",
]

#: The fields of :class:`~community_rules.findings.Finding`, in the order of a row.
FINDING_FIELDS: tuple[str, ...] = tuple(a.name for a in attrs.fields(Finding))

#: One finding as a plain tuple of its fields (:data:`FINDING_FIELDS` order).
Row = tuple[Any, ...]
#: ``(office id, community)`` pairs, in document order.
Chunk = Sequence[tuple[str | None, Community]]

# A row is a finding's field values with its two messages replaced by shared strings
# (check_chunk). The values are read from the finding's instance dict, which its
# __init__ fills in field order (tests/test_parallel.py checks this for every rule):
# 3,800 instructions a finding, against 7,500 for two attrgetters of the fields around
# the messages and a tuple of the three parts.
_EN = FINDING_FIELDS.index("message_en")
_ZH = FINDING_FIELDS.index("message_zh")

#: Communities per chunk when ``chunk_size`` is left out: large enough that a chunk's
#: overhead (one task, one pickled result) is small beside checking it, small enough
#: that the workers stay evenly busy to the end.
_MAX_CHUNK = 500
_CHUNKS_PER_WORKER = 8


def _district(subject: object) -> District:
    if isinstance(subject, District):
        return subject
    if isinstance(subject, SubDistrictOffice):
        return District(id=subject.id, offices=(subject,), name=subject.name)
    raise InvalidType(
        "subject",
        subject,
        "is not a Community, SubDistrictOffice or District",
        "不是社区、街道办事处或区",
    )


def chunks(subject: District | SubDistrictOffice, size: int) -> list[list[tuple[str, Community]]]:
    """The district's ``(office id, community)`` pairs in document order, ``size`` to a chunk.

    >>> import community_rules as cr
    >>> [[c.id for _, c in chunk] for chunk in chunks(cr.sample_district(), 4)][0]
    ['dongshan-1', 'dongshan-2', 'dongshan-3', 'xincheng-1']
    """
    district = _district(subject)
    step = check_count("chunk_size", size, minimum=1)
    pairs = [(office.id, community) for office in district.offices for community in office.communities]
    return [pairs[i : i + step] for i in range(0, len(pairs), step)]


def check_chunk(
    chunk: Chunk, *, policy: Policy = DEFAULT_POLICY, as_of: datetime.date | None = None
) -> list[Row]:
    """Every community-level finding of the communities of ``chunk``, as rows, in order.

    The unit of work of a parallel or distributed check: a pure function of
    its arguments (``policy`` is a :class:`~community_rules.policy.Policy`,
    already resolved from any timeline). Rebuild the findings with
    ``Finding(*row)``, or hand the rows of all chunks to :func:`assemble`.

    >>> import community_rules as cr
    >>> rows = check_chunk(chunks(cr.sample_district(), 1)[0])
    >>> rows[0][:3]
    ('organisation.workstation', '2.1', <Status.MET: 'met'>)
    """
    if not isinstance(policy, Policy):
        raise InvalidType(
            "policy",
            policy,
            f"is a {type(policy).__name__}; expected a Policy (resolve a timeline first)",
            f"类型为 {type(policy).__name__}；应为 Policy（请先从时间线中取出适用的版本）",
        )
    day = _check_as_of(as_of)
    rows: list[Row] = []
    append = rows.append
    # Three messages in four are word for word another finding's ("Unknown: no
    # sub-area plan is known…"): the rows share one string for each text, which
    # pickles a third smaller and leaves the rebuilt findings sharing it too
    # (about 0.7 GB less for the nation's report).
    texts: dict[str, str] = {}
    shared = texts.setdefault
    for office, community in _pairs(chunk):
        for finding in _community_findings(community, policy, day, office):
            row = [*finding.__dict__.values()]
            en, zh = row[_EN], row[_ZH]
            row[_EN], row[_ZH] = shared(en, en), shared(zh, zh)
            append(tuple(row))
    return rows


def _several(value: object) -> TypeGuard[Iterable[Any]]:
    """True for a collection of items (a list, a tuple, an iterator…), not a string or a mapping."""
    return isinstance(value, Iterable) and not isinstance(value, (str, bytes, bytearray, dict))


def _pairs(chunk: object) -> list[tuple[str | None, Community]]:
    """``chunk`` as ``(office id, community)`` pairs, or the library's error naming the bad item."""
    if not _several(chunk):
        raise InvalidType(
            "chunk",
            chunk,
            f"is a {type(chunk).__name__}; expected (office id, Community) pairs",
            f"类型为 {type(chunk).__name__}；应为（街道办事处编号, Community）对",
        )
    pairs = list(chunk)
    for i, pair in enumerate(pairs):
        if not (
            isinstance(pair, tuple)
            and len(pair) == 2
            and (pair[0] is None or isinstance(pair[0], str))
            and isinstance(pair[1], Community)
        ):
            raise InvalidType(
                f"chunk[{i}]",
                pair,
                "is not an (office id, Community) pair",
                "不是（街道办事处编号, Community）对",
            )
    return pairs


def assemble(
    subject: District | SubDistrictOffice,
    rows: Iterable[Iterable[Row]],
    *,
    as_of: datetime.date | None = None,
    policy: Policy | PolicyTimeline = DEFAULT_POLICY,
) -> Report:
    """The report of ``subject`` from the rows of its chunks (in :func:`chunks` order).

    Adds the district-wide findings and builds the same
    :class:`~community_rules.compliance.Report` as
    :func:`~community_rules.compliance.check` — provided the rows are those
    of :func:`check_chunk` over :func:`chunks` of ``subject``, in order.
    """
    day = _check_as_of(as_of)
    applied, effective = _resolve_policy(policy, day)
    district = _district(subject)
    return _district_report(district, [Finding(*row) for row in _rows(rows)], applied, effective, day)


def _rows(parts: object) -> Iterable[Row]:
    """Every row of ``parts`` (the rows of each chunk), checked for shape, in order."""
    width = len(FINDING_FIELDS)
    if not _several(parts):
        raise InvalidType("rows", parts, "expected the rows of each chunk", "应为各分块的行")
    for i, part in enumerate(parts):
        if not isinstance(part, (list, tuple)):
            raise InvalidType(f"rows[{i}]", part, "expected a list of rows", "应为行的列表")
        for j, row in enumerate(part):
            if not (isinstance(row, tuple) and len(row) == width):
                raise InvalidType(
                    f"rows[{i}][{j}]",
                    row,
                    f"is not a row of {width} finding fields",
                    f"不是含 {width} 个字段的结果行",
                )
            yield row


# --- local processes -----------------------------------------------------------------------

# What a forked worker inherits from the parent: the chunks, the policy and the date.
_INHERITED: tuple[list[list[tuple[str, Community]]], Policy, datetime.date | None] | None = None


def _inherited_chunk(index: int) -> list[Row]:
    if _INHERITED is None:  # pragma: no cover - only if a pool outlives its check
        raise RuntimeError("community_rules.parallel: no district was inherited from the parent")
    parts, policy, as_of = _INHERITED
    return check_chunk(parts[index], policy=policy, as_of=as_of)


def _sent_chunk(chunk: Chunk, policy: Policy, as_of: datetime.date | None) -> list[Row]:
    return check_chunk(chunk, policy=policy, as_of=as_of)


def _start_method(requested: str | None) -> str:
    if requested is not None:
        if requested not in multiprocessing.get_all_start_methods():
            valid = ", ".join(multiprocessing.get_all_start_methods())
            raise InvalidValue(
                "start_method",
                requested,
                f"is not a start method of this platform (valid: {valid})",
                f"不是本平台支持的进程启动方式（有效值：{valid}）",
            )
        return requested
    # fork shares the district with the workers at no cost, but forking a process that
    # runs other threads may deadlock the child: use it only in a single-threaded process.
    available = multiprocessing.get_all_start_methods()
    if "fork" in available and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in available else "spawn"


def check_parallel(
    subject: Community | SubDistrictOffice | District,
    *,
    workers: int | None = None,
    chunk_size: int | None = None,
    as_of: datetime.date | None = None,
    policy: Policy | PolicyTimeline = DEFAULT_POLICY,
    progress: Callable[[int, int], None] | None = None,
    start_method: str | None = None,
) -> Report:
    """:func:`~community_rules.compliance.check` across ``workers`` processes: an equal report.

    ``workers`` counts the processes that check, this one included: it
    defaults to the machine's cores (``os.cpu_count()``), and ``workers - 1``
    processes are started beside this one; with 1, or a single community,
    the check runs in this process alone. ``chunk_size`` communities are
    checked at a time (default: the communities shared out in about eight
    chunks per worker, at most 500 each). ``progress`` is called with
    ``(communities done, communities in all)`` as chunks are done, in order.
    ``start_method`` is a :mod:`multiprocessing` start method (default:
    ``fork`` where the platform has it and this process runs a single thread,
    else ``forkserver`` or ``spawn``); under ``fork`` the workers inherit the
    district instead of receiving it pickled.
    """
    n_workers = (os.cpu_count() or 1) if workers is None else check_count("workers", workers, minimum=1)
    if chunk_size is not None:
        check_count("chunk_size", chunk_size, minimum=1)
    if progress is not None and not callable(progress):
        raise InvalidType(
            "progress",
            progress,
            f"is a {type(progress).__name__}; expected a function of (done, total)",
            f"类型为 {type(progress).__name__}；应为以（已完成, 总数）为参数的函数",
        )
    method = _start_method(start_method)
    if isinstance(subject, Community):
        return check(subject, as_of=as_of, policy=policy)
    day = _check_as_of(as_of)
    applied, effective = _resolve_policy(policy, day)
    district = _district(subject)
    total = sum(len(o.communities) for o in district.offices)
    size = chunk_size or max(1, min(_MAX_CHUNK, -(-total // (n_workers * _CHUNKS_PER_WORKER))))
    parts = chunks(district, size)
    with paused():
        if n_workers == 1 or len(parts) <= 1:
            results = _run_here(parts, applied, day)
        else:
            results = _run_pool(parts, applied, day, min(n_workers, len(parts)) - 1, method)
        findings: list[Finding] = []
        done = 0
        for part, found in zip(parts, results, strict=True):
            findings.extend(found)
            done += len(part)
            if progress is not None:
                progress(done, total)
        return _district_report(district, findings, applied, effective, day)


def _check_here(part: Chunk, policy: Policy, day: datetime.date | None) -> list[Finding]:
    return [f for office, community in part for f in _community_findings(community, policy, day, office)]


def _run_here(
    parts: list[list[tuple[str, Community]]], policy: Policy, day: datetime.date | None
) -> Iterator[list[Finding]]:
    for part in parts:
        yield _check_here(part, policy, day)


def _run_pool(
    parts: list[list[tuple[str, Community]]],
    policy: Policy,
    day: datetime.date | None,
    processes: int,
    method: str,
) -> Iterator[list[Finding]]:
    """Each chunk's findings, in order: from a pool of ``processes``, or checked here.

    Every chunk is submitted to the pool, which takes them from the front;
    while the next chunk in order is not ready, this process takes the last
    chunk the pool has not started (its future can still be cancelled) and
    checks it itself, instead of waiting. So this process works rather than
    waits, and the chunks it checks need no rows rebuilt into findings: on
    two cores a pool of one and this process share the work between them.
    """
    global _INHERITED
    context = multiprocessing.get_context(method)
    inherit = method == "fork"
    if inherit:
        _INHERITED = (parts, policy, day)
    try:
        with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
            futures: list[Future[list[Row]] | None]
            if inherit:
                futures = [pool.submit(_inherited_chunk, i) for i in range(len(parts))]
            else:
                futures = [pool.submit(_sent_chunk, part, policy, day) for part in parts]
            here: dict[int, list[Finding]] = {}  # the chunks checked in this process
            last = len(parts) - 1  # the last chunk that may not have been started
            try:
                for i, part in enumerate(parts):
                    future = futures[i]
                    assert future is not None
                    while last > i and not future.done():
                        stolen = futures[last]
                        assert stolen is not None
                        if stolen.cancel():
                            here[last] = _check_here(parts[last], policy, day)
                            last -= 1
                        else:  # the pool, taking chunks in order, has started every one up to it
                            last = i
                    futures[i] = None  # the future holds its result: let it go once taken
                    if i in here:
                        yield here.pop(i)
                    elif future.cancel():  # not started yet: quicker to check it here
                        yield _check_here(part, policy, day)
                    else:
                        yield [Finding(*row) for row in future.result()]
            except BaseException:
                for pending in futures:
                    if pending is not None:
                        pending.cancel()
                raise
    finally:
        _INHERITED = None


# --- checking while loading -----------------------------------------------------------------

#: The fewest and the most communities in a batch. Each batch is a fork of this growing
#: process, which costs about 40 ms per GB of it, so batches grow with what is loaded (a
#: sixteenth of it) up to a size that keeps the last ones short: once loading ends, this
#: process checks what waits from the back, _TAIL communities at a time, while the
#: forked processes take batches from the front (of at most half of what is left).
_BATCH_MIN = 500
_BATCH_MAX = 6_000
_BATCH_SHARE = 16
_TAIL = 100
_PROTOCOL = pickle.HIGHEST_PROTOCOL


class _Batch:
    """A forked process checking a batch of communities; its rows come back through a pipe (private)."""

    def __init__(
        self,
        context: Any,
        position: int,
        pairs: list[tuple[str, Community]],
        policy: Policy,
        day: datetime.date | None,
    ) -> None:
        self.size = len(pairs)
        self.position = position  # its place among the parts of the report
        self.receiver, sender = context.Pipe(duplex=False)
        self.process = context.Process(target=_check_batch, args=(pairs, policy, day, sender), daemon=True)
        self.process.start()
        sender.close()  # this process keeps only the reading end: EOF if the child dies

    def ready(self) -> bool:
        return bool(self.receiver.poll())

    def findings(self) -> list[Finding]:
        """The batch's findings (waiting for them if need be); the child's error re-raised."""
        try:
            failed, payload = pickle.loads(self.receiver.recv_bytes())
        except EOFError:
            self.process.join()
            raise WorkerFailed(
                "workers",
                self.process.exitcode,
                f"is the exit code of a process that was checking {self.size} communities "
                "and ended without returning its findings",
                f"是检查 {self.size} 个社区的进程的退出码，该进程未返回结果即退出",
            ) from None
        finally:
            self.receiver.close()
        self.process.join()
        if failed:
            raise payload
        return [Finding(*row) for row in payload]

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self.receiver.close()


def _check_batch(
    pairs: list[tuple[str, Community]], policy: Policy, day: datetime.date | None, sender: Any
) -> None:
    """In the forked process: check the batch, send back ``(failed, rows or exception)``."""
    try:
        payload = pickle.dumps((False, check_chunk(pairs, policy=policy, as_of=day)), _PROTOCOL)
    except BaseException as exc:  # sent back and raised in the parent
        try:
            payload = pickle.dumps((True, exc), _PROTOCOL)
        except Exception:  # an exception that cannot be pickled: its type and message
            payload = pickle.dumps((True, RuntimeError(f"{type(exc).__name__}: {exc}")), _PROTOCOL)
    sender.send_bytes(payload)
    sender.close()


class _Overlap:
    """The communities of the offices added so far, checked in batches by forked processes (private).

    :meth:`add` takes each office as it is loaded and, whenever fewer than
    ``processes`` batches are running and enough communities wait, forks a
    process to check up to :data:`_BATCH_MAX` of them; :meth:`finish`
    shares the rest between this process and forked ones and returns every
    finding, in document order.
    """

    def __init__(self, policy: Policy, day: datetime.date | None, processes: int) -> None:
        self.policy, self.day, self.processes = policy, day, processes
        self.context = multiprocessing.get_context("fork")
        self.pending: list[tuple[str, Community]] = []
        self.loaded = 0
        self.parts: list[list[Finding] | _Batch] = []  # in document order
        self.running: list[_Batch] = []

    def add(self, office: SubDistrictOffice) -> None:
        self.pending.extend((office.id, community) for community in office.communities)
        self.loaded += len(office.communities)
        self._collect()
        wanted = min(_BATCH_MAX, max(_BATCH_MIN, self.loaded // _BATCH_SHARE))
        if len(self.running) < self.processes and len(self.pending) >= wanted:
            self._start(self.pending[:_BATCH_MAX])
            del self.pending[:_BATCH_MAX]

    def _start(self, pairs: list[tuple[str, Community]]) -> None:
        batch = _Batch(self.context, len(self.parts), pairs, self.policy, self.day)
        self.running.append(batch)
        self.parts.append(batch)

    def _collect(self) -> None:
        """Take in the findings of the batches that are done (without waiting)."""
        for batch in [b for b in self.running if b.ready()]:
            self.running.remove(batch)
            self.parts[batch.position] = batch.findings()

    def finish(self) -> list[Finding]:
        """Every finding in order, once the waiting communities are checked here and in batches.

        The forked processes take batches from the front of what waits, each
        at most half of what is left; this process checks it from the back,
        :data:`_TAIL` communities at a time, looking in between for a batch
        that is done or a process that is free, until the two meet.
        """
        pending, self.pending = self.pending, []
        start, end = 0, len(pending)
        tail: list[list[Finding]] = []  # checked here, from the back
        while start < end:
            self._collect()
            left = end - start
            if len(self.running) < self.processes and left >= _BATCH_MIN:
                size = min(_BATCH_MAX, left // 2)
                self._start(pending[start : start + size])
                start += size
                continue
            step = min(_TAIL, left)
            tail.append(_check_here(pending[end - step : end], self.policy, self.day))
            end -= step
        findings: list[Finding] = []
        for part in self.parts:
            findings.extend(part if isinstance(part, list) else part.findings())
        for part in reversed(tail):
            findings.extend(part)
        self.running = []
        return findings

    def stop(self) -> None:
        """End every batch still running (after an error)."""
        for batch in self.running:
            batch.stop()
        self.running = []


def check_as_loaded(
    offices: Iterable[SubDistrictOffice],
    district: Callable[[tuple[SubDistrictOffice, ...]], District],
    *,
    workers: int | None = None,
    as_of: datetime.date | None = None,
    policy: Policy | PolicyTimeline = DEFAULT_POLICY,
    start_method: str | None = None,
) -> tuple[District, Report]:
    """Load a district office by office and check it meanwhile: the district and its report.

    ``offices`` yields the district's sub-district offices as they are
    loaded (from one document per office, a database, a generator…);
    ``district`` makes the :class:`~community_rules.model.District` of them
    once they are all loaded (adding its id, name and projects) and must
    keep them, in order. The report equals :func:`~.compliance.check` of
    that district. While this process loads, batches of the communities
    loaded so far are checked by up to ``workers - 1`` forked processes
    (``workers`` counts this one and defaults to ``os.cpu_count()``), so
    that loading and checking overlap; when loading ends, this process and
    the forked ones share what is left. The cyclic garbage collector is
    paused throughout, as in :func:`check_parallel`. Where ``fork`` is not
    available or not safe (this process runs other threads), or
    ``start_method`` names another method, or ``workers`` is 1, the offices
    are loaded first and then checked by :func:`check_parallel`.

    >>> import community_rules as cr
    >>> sample = cr.sample_district()
    >>> district, report = check_as_loaded(
    ...     iter(sample.offices), lambda offices: attrs.evolve(sample, offices=offices), workers=2
    ... )
    >>> district == sample, report == cr.check(sample)
    (True, True)
    """
    n_workers = (os.cpu_count() or 1) if workers is None else check_count("workers", workers, minimum=1)
    method = _start_method(start_method)
    if not callable(district):
        raise InvalidType(
            "district",
            district,
            f"is a {type(district).__name__}; expected a function making the District of the offices",
            f"类型为 {type(district).__name__}；应为由街道办事处生成 District 的函数",
        )
    if not _several(offices):
        raise InvalidType(
            "offices",
            offices,
            f"is a {type(offices).__name__}; expected sub-district offices",
            f"类型为 {type(offices).__name__}；应为街道办事处",
        )
    day = _check_as_of(as_of)  # refused before anything is loaded
    applied, effective = _resolve_policy(policy, day)
    if method != "fork" or n_workers == 1:
        made = _made(district, tuple(_each_office(offices)))
        report = check_parallel(made, workers=n_workers, as_of=day, policy=policy, start_method=method)
        return made, report
    with paused():
        overlap = _Overlap(applied, day, n_workers - 1)
        try:
            loaded = []
            for office in _each_office(offices):
                loaded.append(office)
                overlap.add(office)
            made = _made(district, tuple(loaded))
            findings = overlap.finish()
        finally:
            overlap.stop()
        return made, _district_report(made, findings, applied, effective, day)


def _each_office(offices: Iterable[object]) -> Iterator[SubDistrictOffice]:
    for i, office in enumerate(offices):
        if not isinstance(office, SubDistrictOffice):
            raise InvalidType(
                f"offices[{i}]",
                office,
                f"is a {type(office).__name__}; expected a SubDistrictOffice",
                f"类型为 {type(office).__name__}；应为 SubDistrictOffice",
            )
        yield office


def _made(
    district: Callable[[tuple[SubDistrictOffice, ...]], District], offices: tuple[SubDistrictOffice, ...]
) -> District:
    """``district(offices)``, refused unless it is a District of exactly those offices, in order.

    The library's own errors (a community id in two offices…) pass through;
    any other exception of ``district`` is reported as a bad ``district``.
    """
    try:
        made = district(offices)
    except Error:
        raise
    except Exception as exc:
        raise InvalidValue(
            "district",
            district,
            f"raised {type(exc).__name__} when given the offices: {exc}",
            f"在处理所载入的街道办事处时引发了 {type(exc).__name__}：{exc}",
        ) from exc
    if not isinstance(made, District):
        raise InvalidType(
            "district",
            made,
            f"returned a {type(made).__name__}; expected a District",
            f"返回了 {type(made).__name__}；应返回 District",
        )
    if len(made.offices) != len(offices) or any(
        a is not b for a, b in zip(made.offices, offices, strict=True)
    ):
        raise InvalidValue(
            "district",
            [o.id for o in made.offices],
            "does not keep the loaded offices, in order "
            f"({len(offices)} loaded: {', '.join(o.id for o in offices[:5])}…)",
            f"未按顺序保留所载入的街道办事处（已载入 {len(offices)} 个）",
        )
    return made
