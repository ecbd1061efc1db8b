"""The command line: ``python -m community_rules`` and ``community_rules.cli.main``."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import community_rules as cr
from community_rules.cli import main
from community_rules.opinion import clause, clauses


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "community_rules", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def _bad_district(tmp_path: Path) -> Path:
    path = tmp_path / "bad.json"
    doc = {
        "id": "D",
        "offices": [
            {
                "id": "O",
                "communities": [{"id": "C0"}, {"id": "C1", "buildings": [{"id": "B1", "households": -5}]}],
            }
        ],
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


class TestSubprocess:
    def test_report_on_the_sample(self) -> None:
        result = _run("report")
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        assert "dongshan-1" in result.stdout
        assert "not met" in result.stdout  # the sample breaks rules on purpose

    def test_report_in_chinese(self) -> None:
        result = _run("report", "--lang", "zh")
        assert result.returncode == 0, result.stderr
        assert "不符合" in result.stdout

    def test_clauses_in_chinese(self) -> None:
        result = _run("clauses", "--lang", "zh")
        assert result.returncode == 0, result.stderr
        assert "[2.2.2] 误工补贴" in result.stdout
        assert "按照每人每月100元的标准发放误工补贴" in result.stdout

    def test_bad_file(self, tmp_path: Path) -> None:
        path = _bad_district(tmp_path)
        result = _run("report", str(path))
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        lines = result.stderr.splitlines()
        assert len(lines) == 1
        assert lines[0].startswith("community-rules: error: ")
        assert "offices[0].communities[1].buildings[0].households: -5 is negative" in lines[0]
        assert result.stdout == ""

    def test_missing_file(self, tmp_path: Path) -> None:
        path = tmp_path / "missing.toml"
        result = _run("report", str(path))
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        assert len(result.stderr.splitlines()) == 1
        assert str(path) in result.stderr
        assert "No such file or directory" in result.stderr

    def test_version(self) -> None:
        result = _run("--version")
        assert result.returncode == 0
        assert result.stdout.strip() == f"community-rules {cr.__version__}"


class TestMain:
    def test_clauses_in_english(self) -> None:
        out = io.StringIO()
        assert main(["clauses"], out=out) == 0
        text = out.getvalue()
        for c in clauses():
            assert f"[{c.id}]" in text
        assert clause("3.2").text_en in text
        assert "[2.2.2] Lost-work allowance" in text

    def test_clauses_in_chinese_in_order(self) -> None:
        out = io.StringIO()
        assert main(["clauses", "--lang", "zh"], out=out) == 0
        text = out.getvalue()
        positions = [text.index(f"[{c.id}]") for c in clauses()]
        assert positions == sorted(positions)
        assert clause("3.3").text_zh in text

    def test_bad_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        out = io.StringIO()
        assert main(["report", str(_bad_district(tmp_path))], out=out) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert "offices[0].communities[1].buildings[0].households: -5 is negative" in err
        assert "为负数" in err
        assert out.getvalue() == ""

    def test_missing_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["report", str(tmp_path / "nope.json")], out=io.StringIO()) == 2
        assert "nope.json" in capsys.readouterr().err

    def test_invalid_json(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "broken.json"
        path.write_text('{"id": "D",', encoding="utf-8")
        assert main(["report", str(path)], out=io.StringIO()) == 2
        err = capsys.readouterr().err
        assert "is not valid JSON" in err
        assert str(path) in err

    def test_report(self) -> None:
        out = io.StringIO()
        assert main(["report"], out=out) == 0
        assert "dongshan-1" in out.getvalue()

    def test_unknown_verb_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit) as info:
            main(["frobnicate"], out=io.StringIO())
        assert info.value.code == 2
        assert "invalid choice: 'frobnicate'" in capsys.readouterr().err

    def test_bad_language(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit) as info:
            main(["clauses", "--lang", "fr"], out=io.StringIO())
        assert info.value.code == 2
        assert "invalid choice: 'fr'" in capsys.readouterr().err
