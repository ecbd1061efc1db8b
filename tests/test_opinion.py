"""The opinion as data: the clause table, the glossary and the shipped source text."""

from __future__ import annotations

import hashlib
import sys
from importlib import resources
from pathlib import Path

import pytest

import community_rules as cr
from community_rules.errors import Error, UnknownClause
from community_rules.opinion import SOURCE, Clause, SourceDocument, clause, clause_ids, clauses, glossary

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

IDS = (
    "0",
    "1",
    "2",
    "2.1",
    "2.2",
    "2.2.1",
    "2.2.2",
    "2.2.3",
    "3",
    "3.1",
    "3.2",
    "3.3",
    "4",
    "4.1",
    "4.2",
    "4.3",
    "4.3.1",
    "4.3.2",
    "4.3.3",
    "5",
)
HEADINGS = {"2", "2.2", "4", "4.3"}
SHARED = Path("/work/shared/opinion")


def _data(name: str) -> bytes:
    return resources.files("community_rules").joinpath("data").joinpath(name).read_bytes()


class TestTable:
    def test_every_id_in_document_order(self) -> None:
        assert clause_ids() == IDS
        assert tuple(c.id for c in clauses()) == IDS

    def test_same_as_the_packaged_opinion_toml(self) -> None:
        table = tomllib.loads(_data("opinion.toml").decode("utf-8"))
        assert [c["id"] for c in table["clause"]] == list(IDS)
        for row, c in zip(table["clause"], clauses(), strict=True):
            assert (c.title_zh, c.title_en) == (row["title_zh"], row["title_en"])
            assert (c.text_zh, c.text_en) == (row["text_zh"].strip(), row["text_en"].strip())

    def test_packaged_copy_is_the_shared_opinion(self) -> None:
        # The packaged table's values are fixed (known texts below); the shared copy, when this
        # checkout has one beside it, must be byte-identical to what is shipped.
        assert "每人每月100元" in clause("2.2.2").text_zh
        shared = SHARED / "opinion.toml"
        if shared.exists():
            assert shared.read_bytes() == _data("opinion.toml")

    def test_known_texts(self) -> None:
        c = clause("2.2.2")
        assert c.title_zh == "误工补贴"
        assert c.title_en == "Lost-work allowance"
        assert "按照每人每月100元的标准发放误工补贴" in c.text_zh
        assert "100 yuan per person per month" in c.text_en
        assert "原则上每500户为一小区" in clause("2.2.1").text_zh
        assert "每2-3栋居民楼设楼长1名" in clause("2.2.1").text_zh
        assert "原则上按照每300户配备1人的标准" in clause("3.1").text_zh
        assert "今年可按缺额人数的70%录用" in clause("3.1").text_zh
        assert "每千户每年不少于1万元" in clause("3.2").text_zh
        assert "不少于居委会办公经费80%" in clause("3.2").text_zh
        assert "150平方米以上" in clause("3.3").text_zh
        assert "不少于300平方米" in clause("3.3").text_zh
        assert "2008年以后新建工程" in clause("3.3").text_zh

    def test_every_clause_has_both_languages_or_neither(self) -> None:
        for c in clauses():
            assert bool(c.text_zh) == bool(c.text_en), c.id
            assert c.text_zh == c.text_zh.strip()

    def test_frozen_value_objects(self) -> None:
        assert isinstance(clause("3.1"), Clause)
        assert clause("3.1") is clause("3.1")
        assert hash(clause("3.1")) == hash(clause("3.1"))

    def test_root_exports(self) -> None:
        assert cr.clause is clause
        assert cr.clauses is clauses
        assert cr.SOURCE is SOURCE


class TestHeadingsAndParents:
    def test_headings(self) -> None:
        assert {c.id for c in clauses() if c.heading} == HEADINGS
        assert clause("4.3").text_zh == ""
        assert clause("4.3").title_zh == "加强民主监督,建立三级考核制度"

    def test_every_heading_has_sub_clauses(self) -> None:
        for heading in HEADINGS:
            assert any(c.parent == heading for c in clauses()), heading

    @pytest.mark.parametrize(
        ("child", "parent"),
        [("3.2", "3"), ("2.2.1", "2.2"), ("4.3.3", "4.3"), ("3", None), ("0", None)],
    )
    def test_parent(self, child: str, parent: str | None) -> None:
        assert clause(child).parent == parent

    def test_every_parent_exists(self) -> None:
        for c in clauses():
            assert c.parent is None or c.parent in IDS

    def test_title_and_text_by_language(self) -> None:
        c = clause("2.2.2")
        assert c.title("zh") == "误工补贴"
        assert c.title("en") == c.title() == "Lost-work allowance"
        assert c.text("zh") == c.text_zh
        assert c.text() == c.text_en


class TestUnknownClause:
    @pytest.mark.parametrize("bad", ["9.9", "3.4", "", " 3.1", "3.1.", None, 3.1, ["3.1"]])
    def test_unknown_id(self, bad: object) -> None:
        with pytest.raises(UnknownClause) as info:
            clause(bad)  # type: ignore[arg-type]
        err = info.value
        assert err.path == "clause"
        assert err.value == bad
        assert "is not a clause of the opinion (valid: 0, 1, 2, 2.1, 2.2, 2.2.1," in str(err)
        assert "4.3.3, 5)" in err.message_en
        assert "有效编号" in err.message_zh

    def test_is_an_error_value_error_and_lookup_error(self) -> None:
        for cls in (Error, ValueError, LookupError):
            with pytest.raises(cls):
                clause("9.9")


class TestGlossary:
    @pytest.mark.parametrize(
        ("zh", "en"),
        [
            ("楼长", "building head"),
            ("小区长", "sub-area head"),
            ("居委会", "residents' committee"),
            ("街道办事处", "sub-district office"),
            ("封闭小区", "gated compound"),
            ("误工补贴", "lost-work allowance"),
            ("原则上", "in principle"),
            ("以上", "or above"),
            ("不少于", "not less than"),
        ],
    )
    def test_entry(self, zh: str, en: str) -> None:
        assert glossary()[zh] == en

    def test_read_only(self) -> None:
        with pytest.raises(TypeError):
            glossary()["楼长"] = "x"  # type: ignore[index]

    def test_every_entry_is_chinese_to_english(self) -> None:
        for zh, en in glossary().items():
            assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), zh
            assert en, zh
            assert en.isascii() or "“" in en, en


class TestSource:
    def test_fields(self) -> None:
        assert isinstance(SOURCE, SourceDocument)
        assert SOURCE.title_zh == "关于进一步加强城市社区建设的指导意见"
        assert SOURCE.undated is True
        assert SOURCE.cites == ("威政办发[2008]51号",)

    def test_sha256_is_of_the_shipped_text(self) -> None:
        assert SOURCE.sha256 == hashlib.sha256(_data("opinion_zh.txt")).hexdigest()
        assert len(SOURCE.sha256) == 64

    def test_shipped_text_is_the_source_without_its_blurb(self) -> None:
        text = _data("opinion_zh.txt").decode("utf-8")
        # The opinion opens with its preamble, not the publisher's blurb (本站小编…).
        assert text.startswith("为进一步深化我区城市社区建设")
        assert "本站小编" not in text
        assert "每人每月100元" in text
        source = SHARED / "opinion_zh_source.txt"
        if source.exists():
            blurb, _, rest = source.read_bytes().partition(b"\n")
            assert blurb.decode("utf-8").startswith("本站小编")
            assert rest == _data("opinion_zh.txt")

    def test_every_clause_text_is_in_the_source(self) -> None:
        text = _data("opinion_zh.txt").decode("utf-8")
        for c in clauses():
            for paragraph in c.text_zh.split("\n\n"):
                assert paragraph.strip() in text, (c.id, paragraph[:20])
