"""Every verb of the command line, run as a subprocess, and its error paths (issue 7)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import community_rules as cr


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "community_rules", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        check=False,
    )


class TestReport:
    @pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
    def test_formats(self, fmt: str) -> None:
        done = run("report", "--format", fmt, "--lang", "zh")
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
        if fmt == "json":
            data = json.loads(done.stdout)
            assert data["subject"] == "gaoqu"
        elif fmt == "html":
            assert done.stdout.startswith("<!DOCTYPE html>")
        else:
            assert "合规检查报告" in done.stdout

    def test_fail_on_not_met(self) -> None:
        assert run("report", "--fail-on", "not-met").returncode == 1
        assert run("report").returncode == 0

    def test_as_of_and_adoption_year(self) -> None:
        done = run("report", "--format", "json", "--as-of", "2025-12-31", "--adoption-year", "2025")
        data = json.loads(done.stdout)
        assert data["as_of"] == "2025-12-31"
        target = [f for f in data["findings"] if f["rule"] == "space.target"]
        assert [f["status"] for f in target] == ["not_met"]

    def test_policy_file_and_output(self, tmp_path: Path) -> None:
        policy = tmp_path / "policy.toml"
        policy.write_text('office_funds_rule = "per_started_thousand"\n', encoding="utf-8")
        out = tmp_path / "report.json"
        done = run("report", "--policy", str(policy), "--format", "json", "--output", str(out))
        assert done.returncode == 0
        assert done.stdout == ""
        data = json.loads(out.read_text(encoding="utf-8"))
        assert data["policy"]["changes_from_default"] == {"office_funds_rule": "per_started_thousand"}

    def test_a_district_file(self, tmp_path: Path) -> None:
        path = tmp_path / "d.json"
        path.write_text(json.dumps(cr.dump_district(cr.sample_district())), encoding="utf-8")
        done = run("report", str(path), "--format", "json")
        assert (
            json.loads(done.stdout)["findings"]
            == json.loads(cr.check(cr.sample_district()).to_json())["findings"]
        )


class TestErrors:
    def test_bad_document_names_the_path(self, tmp_path: Path) -> None:
        path = tmp_path / "bad.toml"
        path.write_text(
            'id = "d"\n[[offices]]\nid = "o"\n[[offices.communities]]\nid = "c"\nstaff = -3\n',
            encoding="utf-8",
        )
        done = run("report", str(path))
        assert done.returncode == 2
        assert done.stdout == ""
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1
        assert "Traceback" not in done.stderr
        assert "offices[0].communities[0].staff: -3 is negative" in lines[0]

    def test_bad_policy_file(self, tmp_path: Path) -> None:
        policy = tmp_path / "p.toml"
        policy.write_text("welfare_share = 1.5\n", encoding="utf-8")
        done = run("report", "--policy", str(policy))
        assert done.returncode == 2
        assert "welfare_share" in done.stderr
        assert "between 0 and 1" in done.stderr

    def test_bad_date(self) -> None:
        done = run("report", "--as-of", "2025-02-30")
        assert done.returncode == 2
        assert "--as-of" in done.stderr

    def test_missing_file(self, tmp_path: Path) -> None:
        done = run("report", str(tmp_path / "nope.toml"))
        assert done.returncode == 2
        assert "cannot be read" in done.stderr

    def test_unknown_rule(self) -> None:
        done = run("explain", "staffing.nope")
        assert done.returncode == 2
        assert "staffing.quota" in done.stderr

    def test_unknown_community(self) -> None:
        done = run("explain", "space.minimum", "--community", "atlantis")
        assert done.returncode == 2
        assert "atlantis" in done.stderr

    def test_unwritable_output(self, tmp_path: Path) -> None:
        done = run("clauses", "--output", str(tmp_path / "no" / "such" / "dir.txt"))
        assert done.returncode == 2
        assert "--output" in done.stderr

    def test_assess_file_without_scores(self, tmp_path: Path) -> None:
        path = tmp_path / "d.json"
        path.write_text(json.dumps(cr.dump_district(cr.sample_district())), encoding="utf-8")
        done = run("assess", str(path))
        assert done.returncode == 2
        assert "--scores" in done.stderr


class TestVerbs:
    def test_explain(self) -> None:
        done = run("explain", "funding.office_funds", "--community", "dongshan-2")
        assert done.returncode == 0
        assert "9500.00 yuan" in done.stdout
        assert "I-6" in done.stdout
        assert "[3.2]" in done.stdout
        data = json.loads(run("explain", "space.minimum", "--format", "json").stdout)
        assert len(data) == 9
        assert data[0]["clause"] == "3.3"

    def test_partition(self) -> None:
        done = run("partition", "--community", "dongshan-1")
        assert done.returncode == 0
        # SPEC §6 I-1: [300], [150, 100], [250, 180].
        assert "3 sub-area heads" in done.stdout
        assert "sub-area 3: 430 households" in done.stdout
        data = json.loads(run("partition", "--format", "json").stdout)
        assert "dongshan-1" in data

    def test_budget(self) -> None:
        done = run("budget", "--year", "2025")
        assert done.returncode == 0
        assert "9800.00" in done.stdout.replace(",", "")
        rows = json.loads(run("budget", "--year", "2025", "--format", "json").stdout)
        assert rows
        assert isinstance(rows, list)

    def test_assess(self) -> None:
        done = run("assess", "--lang", "zh")
        assert done.returncode == 0
        assert "79.60" in done.stdout
        rows = json.loads(run("assess", "--format", "json").stdout)
        assert any(r.get("id") == "dongshan-1" or r.get("unit") == "dongshan-1" for r in rows)

    def test_clauses_and_interpretations(self) -> None:
        assert "[2.2.2] 误工补贴" in run("clauses", "--lang", "zh").stdout
        data = json.loads(run("clauses", "--format", "json").stdout)
        assert [c["id"] for c in data] == [c.id for c in cr.clauses()]
        text = run("interpretations").stdout
        assert all(f"I-{n} " in text for n in range(1, 21))

    def test_compare(self) -> None:
        done = run("compare")
        assert done.returncode == 0
        assert "I-6" in done.stdout
        assert "funding.office_funds" in done.stdout

    @pytest.mark.parametrize("which", ["input", "report"])
    def test_schema(self, which: str) -> None:
        schema = json.loads(run("schema", which).stdout)
        assert schema["$schema"].endswith("2020-12/schema")

    def test_version(self) -> None:
        done = run("--version")
        assert done.stdout.strip() == f"community-rules {cr.__version__}"

    def test_in_process(self) -> None:
        import io

        from community_rules.cli import main

        out = io.StringIO()
        assert main(["report", "--format", "json"], out=out) == 0
        assert json.loads(out.getvalue())["schema_version"] == "1.0"
