"""Renderings of the report: text, Markdown, HTML, JSON (issue 7)."""

from __future__ import annotations

import html.parser
import json
from typing import ClassVar

import pytest

import community_rules as cr
from community_rules.render import display_width, pad

REPORT = cr.check(cr.sample_district())


class _Checker(html.parser.HTMLParser):
    """Fails on unbalanced tags: the page must be well-formed."""

    VOID: ClassVar[set[str]] = {"meta", "br", "hr", "img", "link", "input"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.svgs = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "svg":
            self.svgs += 1
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, tag
        assert self.stack[-1] == tag, (tag, self.stack[-3:])
        self.stack.pop()


class TestWidth:
    def test_display_width_counts_wide_characters_twice(self) -> None:
        assert display_width("abc") == 3
        assert display_width("楼长") == 4
        assert display_width("ｱ") == 1  # half-width katakana is narrow
        assert pad("小区", 6) == "小区  "
        assert pad("toolong", 3) == "toolong"


class TestText:
    @pytest.mark.parametrize("lang", ["en", "zh"])
    def test_every_finding_has_a_line(self, lang: str) -> None:
        text = REPORT.to_text(lang)
        for f in REPORT.findings:
            assert f.message(lang) in text

    def test_headings_and_summary(self) -> None:
        text = REPORT.to_text("en")
        assert text.splitlines()[0] == "Compliance report: 高区（示例） High-Tech District (sample) (gaoqu)"
        assert "== 东山街道办事处 Dongshan sub-district office (dongshan)" in text
        assert "-- 东山社区 Dongshan (dongshan-1)" in text
        assert "== District-wide" in text
        counts = REPORT.counts()
        assert f"{counts[cr.Status.NOT_MET]} not met" in text
        zh = REPORT.to_text("zh")
        assert "合规检查报告" in zh
        assert "不符合" in zh
        assert "全区" in zh

    def test_columns_align_in_display_width(self) -> None:
        lines = [line for line in REPORT.to_text("zh").splitlines() if line.startswith("  ✓ ")]
        # The clause column starts at the same display column on every finding line.
        starts = {display_width(line[: line.index("  ", 4)]) for line in lines}
        assert len(starts) == 1

    def test_bad_language(self) -> None:
        with pytest.raises(cr.InvalidValue, match="lang"):
            REPORT.to_text("fr")


class TestMarkdown:
    def test_tables(self) -> None:
        md = REPORT.to_markdown("en")
        assert md.startswith("# Compliance report")
        rows = [line for line in md.splitlines() if line.startswith("| ") and "`" in line]
        assert len(rows) == len(REPORT.findings)
        # Every table row has the seven columns.
        assert all(line.count(" | ") == 6 for line in rows)


class TestHtml:
    @pytest.mark.parametrize("lang", ["en", "zh"])
    def test_well_formed_and_self_contained(self, lang: str) -> None:
        page = REPORT.to_html(lang)
        assert page.startswith("<!DOCTYPE html>")
        assert "<script" not in page
        assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
        checker = _Checker()
        checker.feed(page)
        checker.close()
        assert checker.stack == []
        assert checker.svgs == 2  # status by clause, compliance by office

    def test_notebook_fragment(self) -> None:
        fragment = REPORT._repr_html_()
        assert fragment.startswith("<style>")
        assert "<html" not in fragment

    def test_escaping(self) -> None:
        community = cr.Community("c<1>", name="<b>&", buildings=[cr.Building("b", 10)])
        page = cr.check(community).to_html()
        assert "<b>&" not in page
        assert "&lt;b&gt;&amp;" in page


class TestJson:
    def test_rows_round_trip(self) -> None:
        data = json.loads(REPORT.to_json())
        first = data["findings"][0]
        f = REPORT.findings[0]
        assert (first["rule"], first["clause"], first["status"], first["community"]) == (
            f.rule,
            f.clause,
            f.status.value,
            f.community,
        )
        # Decimals travel as strings, never as floats.
        money = [row for row in data["findings"] if row["rule"] == "funding.office_funds"]
        assert all(isinstance(row["required"], str) for row in money)

    def test_policy_changes_are_recorded(self) -> None:
        import attrs

        policy = attrs.evolve(cr.DEFAULT_POLICY, adoption_year=2025)
        data = json.loads(cr.check(cr.sample_district(), policy=policy).to_json())
        assert data["policy"]["changes_from_default"] == {"adoption_year": 2025}
