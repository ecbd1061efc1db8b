"""Tests of community_rules.distributed: the same report as check(), from a Dask cluster.

One small LocalCluster of two worker processes serves the whole module and is
closed at its end (the fixture's ``with``), so the suite neither leaks
processes nor hangs.
"""

from __future__ import annotations

import datetime
import logging
import subprocess
import sys
from collections.abc import Iterator

import attrs
import distributed
import pytest

import community_rules as cr
from community_rules.distributed import check_dask
from community_rules.errors import InvalidType, InvalidValue
from community_rules.model import Building, Community, District, SubDistrictOffice
from community_rules.policy import DEFAULT_POLICY


def _district(n: int) -> District:
    offices = [
        SubDistrictOffice(
            f"O{o}",
            [
                Community(
                    f"C{k}",
                    buildings=[Building(f"B{i}", 30 + (11 * i + k) % 120) for i in range(10)],
                    staff=k % 3,
                    office_space_m2=120 + 15 * k,
                )
                for k in range(o, n, 2)
            ],
        )
        for o in range(2)
    ]
    return District("D", offices=offices)


DISTRICT = _district(12)


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: two suites may run at once (.ci/run)
            silence_logs=logging.CRITICAL,  # a closing heartbeat may log a closed stream
        ) as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


class TestOnCluster:
    @pytest.mark.parametrize("partitions", [1, 3, 12, None])
    def test_same_report(self, client: distributed.Client, partitions: int | None) -> None:
        assert check_dask(DISTRICT, client=client, partitions=partitions) == cr.check(DISTRICT)

    def test_sample_district(self, client: distributed.Client) -> None:
        district = cr.sample_district()
        assert check_dask(district, client=client) == cr.check(district)

    def test_current_client(self, client: distributed.Client) -> None:
        # Without client=, the client of the current context is used.
        with client.as_current():
            assert check_dask(DISTRICT, partitions=4) == cr.check(DISTRICT)

    def test_policy_and_date(self, client: distributed.Client) -> None:
        policy = attrs.evolve(DEFAULT_POLICY, adoption_year=2009)
        day = datetime.date(2009, 12, 1)
        expected = cr.check(DISTRICT, policy=policy, as_of=day)
        assert check_dask(DISTRICT, client=client, policy=policy, as_of=day) == expected


class TestWithoutCluster:
    @pytest.mark.parametrize("scheduler", ["sync", "threads"])
    def test_local_schedulers(self, scheduler: str) -> None:
        assert check_dask(DISTRICT, partitions=3, scheduler=scheduler) == cr.check(DISTRICT)

    def test_office_and_community(self) -> None:
        office = DISTRICT.offices[0]
        assert check_dask(office, scheduler="sync") == cr.check(office)
        community = office.communities[0]
        assert check_dask(community) == cr.check(community)

    def test_bad_arguments(self) -> None:
        with pytest.raises(InvalidValue, match="partitions"):
            check_dask(DISTRICT, partitions=0)
        with pytest.raises(InvalidValue, match="scheduler"):
            check_dask(DISTRICT, scheduler="cluster-of-abacuses")
        with pytest.raises(InvalidType, match="subject"):
            check_dask("D", scheduler="sync")  # type: ignore[arg-type]
        with pytest.raises(InvalidType, match="client"):
            check_dask(DISTRICT, client="tcp://127.0.0.1:8786")  # type: ignore[arg-type]

    def test_missing_dask_says_how_to_install(self) -> None:
        code = (
            "import sys; sys.modules['dask'] = None; sys.modules['distributed'] = None\n"
            "try:\n    import community_rules.distributed\n"
            "except ImportError as e:\n    print(e)\n"
        )
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
        assert "pip install community_rules[dask]" in out
