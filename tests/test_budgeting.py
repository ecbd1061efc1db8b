"""Tests of community_rules.budgeting: the yearly budget per community, office and district."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import community_rules as cr
from community_rules import strategies as crst
from community_rules.budgeting import AMOUNTS, Budget, BudgetTotals, budget, community_budget
from community_rules.errors import InvalidType, InvalidValue
from community_rules.model import Building, Community, District, StaffMember, SubDistrictOffice
from community_rules.partitioning import partition
from community_rules.policy import DEFAULT_POLICY, PartMonthRule

D = Decimal


def _district() -> District:
    # A: the SPEC §6 I-1 pool (980 households → sub-areas [300], [150, 100], [250, 180],
    #    one building head each: 3 heads) with two paid staff members.
    a = Community(
        "A",
        buildings=[
            Building("A1", 300),
            Building("A2", 150),
            Building("A3", 100),
            Building("A4", 250),
            Building("A5", 180),
        ],
        staff_members=[
            StaffMember("W1", female=True, monthly_pay=D("4321.05")),
            StaffMember("M1", female=False, monthly_pay=D("3000.00")),
        ],
    )
    # B: households given without buildings, nobody in post.
    b = Community("B", households=2400, staff=0)
    # C: the SPEC §6 I-3 sub-area (260 households, 5 buildings → 2 heads), staff not known.
    c = Community(
        "C",
        buildings=[Building(f"C{i}", h) for i, h in enumerate([40, 60, 80, 30, 50], start=1)],
    )
    return District(
        "D",
        offices=[
            SubDistrictOffice("S1", communities=[a, b], name="东山街道办事处"),
            SubDistrictOffice("S2", communities=[c]),
        ],
    )


@pytest.fixture
def plan() -> Budget:
    return budget(_district(), 2025)


class TestCommunityLines:
    def test_fully_known_community(self, plan: Budget) -> None:
        a = plan.community("A")
        # Office funds 10 × 980 = 9,800.00; welfare 0.8 × 9,800 = 7,840.00.
        assert (a.office_funds, a.welfare_funds) == (D("9800.00"), D("7840.00"))
        # 3 building heads × 12 × 100 = 3,600.00.
        assert partition(_district().offices[0].communities[0].buildings).building_heads == 3
        assert (a.building_heads, a.building_head_allowance) == (3, D("3600.00"))
        # Bases 3,024.74 + 2,100.00 = 5,124.74 a month → × 12 = 61,496.88;
        # performance parts 1,296.31 + 900.00 = 2,196.31 → × 12 = 26,355.72.
        assert (a.staff_paid, a.staff_base_pay, a.staff_performance_pay) == (2, D("61496.88"), D("26355.72"))
        # (4,321.05 + 3,000.00) × 12 = 87,852.60.
        assert a.staff_pay == D("87852.60")
        # 9,800 + 7,840 + 3,600 + 87,852.60 = 109,092.60.
        assert a.total == D("109092.60")
        assert a.complete
        assert a.office == "S1"
        assert a.households == 980
        assert "2.2.2" in a.clauses

    def test_no_buildings_listed(self, plan: Budget) -> None:
        b = plan.community("B")
        assert (b.office_funds, b.welfare_funds) == (D("24000.00"), D("19200.00"))
        assert (b.building_heads, b.building_head_allowance) == (None, None)
        assert (b.staff_paid, b.staff_base_pay, b.staff_performance_pay) == (0, D("0.00"), D("0.00"))
        assert b.total is None
        assert not b.complete
        assert b.missing == (("building_head_allowance", "no buildings listed"),)

    def test_staff_not_known(self, plan: Budget) -> None:
        c = plan.community("C")
        # 260 households: 2,600.00 and 2,080.00; 2 heads: 2,400.00.
        assert (c.office_funds, c.welfare_funds, c.building_heads) == (D("2600.00"), D("2080.00"), 2)
        assert c.building_head_allowance == D("2400.00")
        assert (c.staff_paid, c.staff_pay) == (None, None)
        assert [name for name, _ in c.missing] == ["staff_base_pay", "staff_performance_pay"]

    def test_buildings_that_do_not_cover_the_households(self) -> None:
        c = Community("X", buildings=[Building("X1", 100)], households=400)
        line = budget(District("D", offices=[SubDistrictOffice("S", communities=[c])]), 2025).community("X")
        assert line.building_head_allowance is None
        assert line.office_funds == D("4000.00")
        assert "do not cover" in dict(line.missing)["building_head_allowance"]

    def test_households_not_known(self) -> None:
        c = Community("X", staff=0)
        line = budget(District("D", offices=[SubDistrictOffice("S", communities=[c])]), 2025).community("X")
        assert (line.office_funds, line.welfare_funds, line.building_head_allowance) == (None, None, None)
        assert line.staff_pay == D("0.00")

    def test_zero_households_and_no_buildings_cost_no_allowance(self) -> None:
        c = Community("X", households=0, staff=0)
        line = budget(District("D", offices=[SubDistrictOffice("S", communities=[c])]), 2025).community("X")
        assert line.total == D("0.00")
        assert line.complete

    def test_pay_known_for_some_staff_only(self) -> None:
        c = Community(
            "X", households=10, staff_members=[StaffMember("S1", monthly_pay=100), StaffMember("S2")]
        )
        line = budget(District("D", offices=[SubDistrictOffice("S", communities=[c])]), 2025).community("X")
        assert (line.staff_paid, line.staff_base_pay) == (None, None)
        assert "monthly pay not known" in dict(line.missing)["staff_base_pay"]

    def test_a_pay_with_a_fraction_of_a_fen_is_refused_with_its_path(self) -> None:
        c = Community("X", households=10, staff_members=[StaffMember("S1", monthly_pay=D("100.005"))])
        with pytest.raises(InvalidValue) as info:
            budget(District("D", offices=[SubDistrictOffice("S", communities=[c])]), 2025)
        assert info.value.path == "offices[0].communities[0].staff_members[0].monthly_pay"

    def test_unknown_community(self, plan: Budget) -> None:
        with pytest.raises(InvalidValue, match="is not a community of this budget") as info:
            plan.community("Z")
        assert (info.value.path, info.value.value) == ("community", "Z")
        assert "不是本预算中的社区" in info.value.message_zh

    def test_everything_missing_is_listed_with_its_reason(self) -> None:
        # Households, buildings and pay all unknown: each amount names why, none is dropped.
        c = Community("X", staff_members=[StaffMember("S1")])
        line = budget(District("D", offices=[SubDistrictOffice("S", communities=[c])]), 2025).community("X")
        assert line.missing == (
            ("office_funds", "households not known"),
            ("welfare_funds", "households not known"),
            ("building_head_allowance", "no buildings listed"),
            ("staff_base_pay", "monthly pay not known for some staff"),
            ("staff_performance_pay", "monthly pay not known for some staff"),
        )

    def test_staff_not_listed_is_the_reason_given(self) -> None:
        c = Community("X", households=300, buildings=[Building("X1", 300)], staff=2)
        line = budget(District("D", offices=[SubDistrictOffice("S", communities=[c])]), 2025).community("X")
        assert dict(line.missing) == {
            "staff_base_pay": "the staff members are not listed",
            "staff_performance_pay": "the staff members are not listed",
        }

    def test_community_budget_refuses_what_is_not_a_community_or_a_policy(self) -> None:
        with pytest.raises(InvalidType) as info:
            community_budget(None, year_allowance=D("1200.00"))  # type: ignore[arg-type]
        assert info.value.path == "community"
        with pytest.raises(InvalidType) as info:
            community_budget(Community("X"), year_allowance=D("1200.00"), policy=None)  # type: ignore[arg-type]
        assert info.value.path == "policy"


class TestTotals:
    def test_office_totals_are_exact_sums(self, plan: Budget) -> None:
        s1, s2 = plan.offices
        assert s1.name == "东山街道办事处"
        # S1 = A + B (B's allowance not known, left out and listed).
        assert s1.totals.office_funds == D("33800.00")
        assert s1.totals.welfare_funds == D("27040.00")
        assert s1.totals.building_head_allowance == D("3600.00")
        assert s1.totals.staff_pay == D("87852.60")
        assert s1.totals.total == D("152292.60")
        assert s1.totals.unknown == (("B", "building_head_allowance"),)
        assert not s1.totals.complete
        # S2 = C: 2,600 + 2,080 + 2,400 = 7,080.00, pay left out.
        assert s2.totals.total == D("7080.00")
        assert s2.totals.unknown == (("C", "staff_base_pay"), ("C", "staff_performance_pay"))

    def test_district_totals(self, plan: Budget) -> None:
        t = plan.totals
        assert (t.communities, t.households, t.building_heads, t.staff_paid) == (3, 3640, 5, 2)
        assert t.office_funds == D("36400.00")
        assert t.welfare_funds == D("29120.00")
        assert t.building_head_allowance == D("6000.00")
        # 36,400 + 29,120 + 6,000 + 87,852.60 = 159,372.60.
        assert t.total == D("159372.60")
        assert len(t.unknown) == 3
        assert t == BudgetTotals.of(plan.communities())

    def test_complete_budget(self) -> None:
        c = Community("X", buildings=[Building("X1", 500)], staff=0)
        plan = budget(District("D", offices=[SubDistrictOffice("S", communities=[c])]), 2025)
        # 5,000.00 + 4,000.00 + 1,200.00 (one building, one head).
        assert plan.totals.total == D("10200.00")
        assert plan.totals.complete


class TestYearAndPolicy:
    def test_a_full_year_is_twelve_months_also_in_a_leap_year(self) -> None:
        assert budget(_district(), 2024).allowance_per_head == D("1200.00")
        assert budget(_district(), 2025).allowance_per_head == D("1200.00")

    def test_numbers_come_from_the_policy(self) -> None:
        policy = attrs.evolve(
            DEFAULT_POLICY,
            building_head_allowance_monthly=D("120"),
            office_funds_per_thousand=D("12000"),
            part_month_rule=PartMonthRule.WHOLE_MONTHS,
        )
        a = budget(_district(), 2025, policy=policy).community("A")
        # 3 heads × 12 × 120 = 4,320.00; 12 × 980 = 11,760.00; 0.8 × 11,760 = 9,408.00.
        assert (a.building_head_allowance, a.office_funds, a.welfare_funds) == (
            D("4320.00"),
            D("11760.00"),
            D("9408.00"),
        )

    def test_welfare_share_and_pay_split_come_from_the_policy(self) -> None:
        policy = attrs.evolve(DEFAULT_POLICY, welfare_share=D("0.9"), base_pay_share=D("0.6"))
        a = budget(_district(), 2025, policy=policy).community("A")
        # 9,800.00 office funds for 980 households; 0.9 × 9,800 = 8,820.00.
        assert (a.office_funds, a.welfare_funds) == (D("9800.00"), D("8820.00"))
        # Pay 4,321.05 + 3,000.00 a month: base 60 % = 2,592.63 + 1,800.00 (half up),
        # performance 1,728.42 + 1,200.00; twelve months each.
        assert a.staff_base_pay == D("52711.56")  # 12 × 4,392.63
        assert a.staff_performance_pay == D("35141.04")  # 12 × 2,928.42
        assert a.staff_base_pay + a.staff_performance_pay == 12 * (D("4321.05") + D("3000.00"))

    @pytest.mark.parametrize("year", [1, 9999])
    def test_the_first_and_last_calendar_years_are_accepted(self, year: int) -> None:
        assert budget(_district(), year).year == year

    @pytest.mark.parametrize(
        ("year", "error"),
        [("2025", InvalidType), (True, InvalidType), (0, InvalidValue), (10_000, InvalidValue)],
    )
    def test_bad_year(self, year: object, error: type[Exception]) -> None:
        with pytest.raises(error):
            budget(_district(), year)  # type: ignore[arg-type]

    def test_bad_district(self) -> None:
        with pytest.raises(InvalidType):
            budget(_district().offices[0], 2025)  # type: ignore[arg-type]


class TestOutput:
    def test_rows_for_pandas(self, plan: Budget) -> None:
        rows = plan.rows()
        assert [r["community"] for r in rows] == ["A", "B", "C"]
        assert {r["level"] for r in rows} == {"community"}
        a = rows[0]
        assert a["office"] == "S1"
        assert a["year"] == 2025
        assert a["total"] == D("109092.60")
        assert a["complete"] is True
        assert set(AMOUNTS) <= set(a)
        for row in rows:
            for value in row.values():
                assert value is None or isinstance(value, (int, str, Decimal, bool))

    def test_rows_with_totals(self, plan: Budget) -> None:
        rows = plan.rows(totals=True)
        assert [(r["level"], r["office"], r["community"]) for r in rows] == [
            ("community", "S1", "A"),
            ("community", "S1", "B"),
            ("office", "S1", None),
            ("community", "S2", "C"),
            ("office", "S2", None),
            ("district", None, None),
        ]
        assert rows[-1]["total"] == D("159372.60")
        assert rows[-1]["complete"] is False

    def test_text(self, plan: Budget) -> None:
        text = plan.to_text()
        assert text.startswith("Community budget of D for 2025 (yuan)")
        assert "109,092.60" in text
        assert "159,372.60 *" in text
        assert "B: Heads' allowance: no buildings listed" in text
        assert "S1 = 东山街道办事处" in text
        zh = plan.to_text("zh")
        assert "D 2025 年度社区经费预算（元）" in zh
        assert "办公经费" in zh
        assert "未列出楼栋" in zh
        # Columns line up: every table line of the Chinese rendering has the same display width.
        table = zh.split("\n\n")[1].splitlines()
        widths = {
            sum(2 if "\u4e00" <= ch <= "\u9fff" or ch in "（）" else 1 for ch in line.rstrip(" *"))
            for line in table
        }
        assert len(table) == 2 + 3 + 2 + 1
        assert max(widths) - min(widths) <= 2

    def test_markdown(self, plan: Budget) -> None:
        md = plan.to_markdown("en")
        lines = md.splitlines()
        assert lines[0] == "### Community budget of D for 2025 (yuan)"
        assert lines[2].startswith("| Office | Community | Households |")
        assert (
            "| S1 | A | 980 | 3 | 9,800.00 | 7,840.00 | 3,600.00 | 61,496.88 | 26,355.72 | 109,092.60 |"
            in lines
        )
        assert "- \\* incomplete: amounts not known (—) are left out of the totals:" in lines
        assert "  - B: Heads' allowance: no buildings listed" in lines
        assert "| 全区 | 合计 |" in plan.to_markdown("zh")

    def test_language(self, plan: Budget) -> None:
        with pytest.raises(InvalidValue):
            plan.to_text("fr")
        with pytest.raises(InvalidValue):
            plan.to_markdown("de")

    def test_sample_district(self) -> None:
        plan = budget(cr.sample_district(), 2025)
        assert plan.totals.communities == sum(1 for _ in cr.sample_district().communities())
        assert plan.to_text()


@st.composite
def communities(draw: st.DrawFn, index: int) -> Community:
    sizes = draw(st.lists(st.integers(0, 900), max_size=8))
    pays = draw(st.lists(st.one_of(st.none(), st.integers(0, 10**6).map(lambda n: D(n) / 100)), max_size=4))
    extra = draw(st.one_of(st.none(), st.integers(0, 300)))  # households beyond the buildings'
    return Community(
        f"C{index}",
        buildings=[Building(f"C{index}-B{j}", h) for j, h in enumerate(sizes)],
        households=None if extra is None else sum(sizes) + extra,
        staff_members=[StaffMember(f"C{index}-S{k}", monthly_pay=p) for k, p in enumerate(pays)],
        staff=None if pays else draw(st.sampled_from([None, 0])),
    )


@st.composite
def districts(draw: st.DrawFn) -> District:
    n = draw(st.integers(0, 6))
    items = [draw(communities(i)) for i in range(n)]
    cut = draw(st.integers(0, n))
    return District(
        "D",
        offices=[
            SubDistrictOffice("S1", communities=items[:cut]),
            SubDistrictOffice("S2", communities=items[cut:]),
        ],
    )


class TestProperties:
    @settings(max_examples=60, deadline=None)
    @given(district=districts(), year=st.integers(1990, 2100))
    def test_totals_add_up_exactly(self, district: District, year: int) -> None:
        plan = budget(district, year)
        lines = list(plan.communities())
        for name in AMOUNTS:
            known = [getattr(line, name) for line in lines if getattr(line, name) is not None]
            assert getattr(plan.totals, name) == sum(known, D(0))
            assert getattr(plan.totals, name) == sum((getattr(o.totals, name) for o in plan.offices), D(0))
        for line in lines:
            if line.total is not None:
                assert line.total == sum(getattr(line, name) for name in AMOUNTS)
                assert line.complete
            if line.building_head_allowance is not None:
                assert line.building_head_allowance == line.building_heads * plan.allowance_per_head
        assert plan.totals.total == sum((getattr(plan.totals, n) for n in AMOUNTS), D(0))
        assert len(plan.totals.unknown) == sum(len(line.missing) for line in lines)

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(district=crst.districts(), year=st.integers(1990, 2100))
    def test_the_librarys_own_districts_budget_and_render(self, district: District, year: int) -> None:
        plan = budget(district, year)
        assert plan.totals == BudgetTotals.of(plan.communities())
        assert len(plan.rows()) == plan.totals.communities
        assert plan.to_text("zh")
        assert plan.to_markdown("en")


# --- found by mutation testing ---------------------------------------------------------------


def _small_plan() -> Budget:
    """A hand-made district whose budget is worked out below, line by line.

    S1 (named) has A: one building of 300 households (one building head), one staff member paid
    3,000.00 a month; and B: households and buildings not known, 2 staff not listed. S2 (unnamed)
    and S3 (named) have no community.
    """
    a = Community(
        "A",
        buildings=[Building("A1", 300)],
        staff_members=[StaffMember("W1", female=True, monthly_pay=D("3000.00"))],
    )
    b = Community("B", staff=2)
    return budget(
        District(
            "D",
            offices=[
                SubDistrictOffice("S1", communities=[a, b], name="东山街道办事处"),
                SubDistrictOffice("S2"),
                SubDistrictOffice("S3", name="南湖街道办事处"),
            ],
        ),
        2025,
    )


# A: office funds 10 × 300 = 3,000.00; welfare 0.8 × 3,000 = 2,400.00; 1 head × 1,200.00;
# base 0.7 × 3,000 × 12 = 25,200.00, performance 0.3 × 3,000 × 12 = 10,800.00;
# total 3,000 + 2,400 + 1,200 + 25,200 + 10,800 = 42,600.00. B: every amount unknown.
_B_REASONS_EN = (
    "B: Office funds, Welfare fund: households not known; Heads' allowance: no buildings listed; "
    "Base pay (70%), Performance pay (30%): the staff members are not listed"
)
_B_REASONS_ZH = (
    "B：办公经费、公益活动经费：户数未知；楼长误工补贴：未列出楼栋；"
    "基本部分（70%）、考核部分（30%）：未列出工作人员"
)


class TestRenderingInFull:
    """The exact text and Markdown of a small budget, in both languages (found by mutation testing).

    The mutation run of budgeting.py (docs/strategies.md, "Mutation testing") showed column widths
    and alignment, separators, the office names note, the notes' indentation and the reasons of
    a community's missing amounts that no test read.
    """

    def test_text_in_english(self) -> None:
        # Columns are as wide as their widest cell (here always the header, but for "district" and
        # the total "42,600.00 *"); office and community are left-aligned, numbers right-aligned.
        assert _small_plan().to_text().splitlines() == [
            "Community budget of D for 2025 (yuan)",
            "",
            "Office    Community  Households  Building heads  Office funds  Welfare fund  Heads' allowance"
            "  Base pay (70%)  Performance pay (30%)        Total",
            "--------  ---------  ----------  --------------  ------------  ------------  ----------------"
            "  --------------  ---------------------  -----------",
            "S1        A                 300               1      3,000.00      2,400.00          1,200.00"
            "       25,200.00              10,800.00    42,600.00",
            "S1        B                   —               —             —             —                 —"
            "               —                      —          — *",
            "S1        subtotal          300               1      3,000.00      2,400.00          1,200.00"
            "       25,200.00              10,800.00  42,600.00 *",
            "S2        subtotal            0               0          0.00          0.00              0.00"
            "            0.00                   0.00         0.00",
            "S3        subtotal            0               0          0.00          0.00              0.00"
            "            0.00                   0.00         0.00",
            "district  total             300               1      3,000.00      2,400.00          1,200.00"
            "       25,200.00              10,800.00  42,600.00 *",
            "",
            "Offices: S1 = 东山街道办事处; S3 = 南湖街道办事处",
            "Building heads' allowance: 1,200.00 yuan per head for the full year.",
            "Welfare fund: its share of the minimum office funds; performance pay budgeted whole "
            "(paid out according to the assessment).",
            "* incomplete: amounts not known (—) are left out of the totals:",
            "  " + _B_REASONS_EN,
        ]
        assert _small_plan().to_text().endswith("not listed\n")

    def test_text_in_chinese(self) -> None:
        # A Chinese character takes two columns: "街道办事处" is 10 wide, "基本部分（70%）" 15.
        assert _small_plan().to_text("zh").splitlines() == [
            "D 2025 年度社区经费预算（元）",
            "",
            "街道办事处  社区  户数  楼长  办公经费  公益活动经费  楼长误工补贴  基本部分（70%）"
            "  考核部分（30%）         合计",
            "----------  ----  ----  ----  --------  ------------  ------------  ---------------"
            "  ---------------  -----------",
            "S1          A      300     1  3,000.00      2,400.00      1,200.00        25,200.00"
            "        10,800.00    42,600.00",
            "S1          B        —     —         —             —             —                —"
            "                —          — *",
            "S1          小计   300     1  3,000.00      2,400.00      1,200.00        25,200.00"
            "        10,800.00  42,600.00 *",
            "S2          小计     0     0      0.00          0.00          0.00             0.00"
            "             0.00         0.00",
            "S3          小计     0     0      0.00          0.00          0.00             0.00"
            "             0.00         0.00",
            "全区        合计   300     1  3,000.00      2,400.00      1,200.00        25,200.00"
            "        10,800.00  42,600.00 *",
            "",
            "街道办事处：S1 = 东山街道办事处；S3 = 南湖街道办事处",
            "楼长误工补贴按每名楼长全年 1,200.00 元计（每人每月标准，全年 12 个月）。",
            "公益活动经费按办公经费最低标准的比例计；考核部分按全额列支（实际按考核结果浮动发放）。",
            "* 不完整：未知的金额（—）未计入合计：",
            "  " + _B_REASONS_ZH,
        ]

    def test_markdown_in_english(self) -> None:
        assert _small_plan().to_markdown() == "\n".join(
            [
                "### Community budget of D for 2025 (yuan)",
                "",
                "| Office | Community | Households | Building heads | Office funds | Welfare fund "
                "| Heads' allowance | Base pay (70%) | Performance pay (30%) | Total |",
                "|:--|:--|--:|--:|--:|--:|--:|--:|--:|--:|",
                "| S1 | A | 300 | 1 | 3,000.00 | 2,400.00 | 1,200.00 | 25,200.00 | 10,800.00 | 42,600.00 |",
                "| S1 | B | — | — | — | — | — | — | — | — * |",
                "| S1 | subtotal | 300 | 1 | 3,000.00 | 2,400.00 | 1,200.00 | 25,200.00 | 10,800.00 "
                "| 42,600.00 * |",
                "| S2 | subtotal | 0 | 0 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 |",
                "| S3 | subtotal | 0 | 0 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 |",
                "| district | total | 300 | 1 | 3,000.00 | 2,400.00 | 1,200.00 | 25,200.00 | 10,800.00 "
                "| 42,600.00 * |",
                "",
                "- Offices: S1 = 东山街道办事处; S3 = 南湖街道办事处",
                "- Building heads' allowance: 1,200.00 yuan per head for the full year.",
                "- Welfare fund: its share of the minimum office funds; performance pay budgeted whole "
                "(paid out according to the assessment).",
                "- \\* incomplete: amounts not known (—) are left out of the totals:",
                "  - " + _B_REASONS_EN,
                "",
            ]
        )

    def test_markdown_in_chinese(self) -> None:
        assert _small_plan().to_markdown("zh") == "\n".join(
            [
                "### D 2025 年度社区经费预算（元）",
                "",
                "| 街道办事处 | 社区 | 户数 | 楼长 | 办公经费 | 公益活动经费 | 楼长误工补贴 "
                "| 基本部分（70%） | 考核部分（30%） | 合计 |",
                "|:--|:--|--:|--:|--:|--:|--:|--:|--:|--:|",
                "| S1 | A | 300 | 1 | 3,000.00 | 2,400.00 | 1,200.00 | 25,200.00 | 10,800.00 | 42,600.00 |",
                "| S1 | B | — | — | — | — | — | — | — | — * |",
                "| S1 | 小计 | 300 | 1 | 3,000.00 | 2,400.00 | 1,200.00 | 25,200.00 | 10,800.00 | 42,600.00 * |",
                "| S2 | 小计 | 0 | 0 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 |",
                "| S3 | 小计 | 0 | 0 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 |",
                "| 全区 | 合计 | 300 | 1 | 3,000.00 | 2,400.00 | 1,200.00 | 25,200.00 | 10,800.00 | 42,600.00 * |",
                "",
                "- 街道办事处：S1 = 东山街道办事处；S3 = 南湖街道办事处",
                "- 楼长误工补贴按每名楼长全年 1,200.00 元计（每人每月标准，全年 12 个月）。",
                "- 公益活动经费按办公经费最低标准的比例计；考核部分按全额列支（实际按考核结果浮动发放）。",
                "- \\* 不完整：未知的金额（—）未计入合计：",
                "  - " + _B_REASONS_ZH,
                "",
            ]
        )

    def test_a_complete_budget_has_no_incomplete_note(self) -> None:
        # One building of 500 households, nobody in post: 5,000.00 + 4,000.00 + 1,200.00 = 10,200.00;
        # no office is named, so no office note either.
        c = Community("X", buildings=[Building("X1", 500)], staff=0)
        plan = budget(District("D", offices=[SubDistrictOffice("S", communities=[c])]), 2025)
        assert plan.to_text().splitlines()[-3:] == [
            "",
            "Building heads' allowance: 1,200.00 yuan per head for the full year.",
            "Welfare fund: its share of the minimum office funds; performance pay budgeted whole "
            "(paid out according to the assessment).",
        ]
        assert plan.to_markdown().splitlines()[-2:] == [
            "- Building heads' allowance: 1,200.00 yuan per head for the full year.",
            "- Welfare fund: its share of the minimum office funds; performance pay budgeted whole "
            "(paid out according to the assessment).",
        ]


class TestRowsInFull:
    """Every key of every row, community, office and district (found by mutation testing)."""

    def test_rows_with_totals(self) -> None:
        a = {
            "year": 2025,
            "level": "community",
            "office": "S1",
            "community": "A",
            "households": 300,
            "building_heads": 1,
            "staff_paid": 1,
            "office_funds": D("3000.00"),
            "welfare_funds": D("2400.00"),
            "building_head_allowance": D("1200.00"),
            "staff_base_pay": D("25200.00"),
            "staff_performance_pay": D("10800.00"),
            "staff_pay": D("36000.00"),
            "total": D("42600.00"),
            "complete": True,
        }
        b = {
            "year": 2025,
            "level": "community",
            "office": "S1",
            "community": "B",
            "households": None,
            "building_heads": None,
            "staff_paid": None,
            "office_funds": None,
            "welfare_funds": None,
            "building_head_allowance": None,
            "staff_base_pay": None,
            "staff_performance_pay": None,
            "staff_pay": None,
            "total": None,
            "complete": False,
        }
        # The totals of S1 (and of the district) are A's amounts; B's are listed as unknown.
        s1 = {**a, "level": "office", "community": None, "complete": False}
        empty = {
            "year": 2025,
            "level": "office",
            "community": None,
            "households": 0,
            "building_heads": 0,
            "staff_paid": 0,
            **{name: D("0.00") for name in AMOUNTS},
            "staff_pay": D("0.00"),
            "total": D("0.00"),
            "complete": True,
        }
        district = {**s1, "level": "district", "office": None}
        assert _small_plan().rows(totals=True) == [
            a,
            b,
            s1,
            {**empty, "office": "S2"},
            {**empty, "office": "S3"},
            district,
        ]
        assert _small_plan().rows() == [a, b]

    def test_totals_count_the_communities_and_list_the_unknown(self) -> None:
        plan = _small_plan()
        t = plan.totals
        assert (t.communities, t.households, t.building_heads, t.staff_paid) == (2, 300, 1, 1)
        assert t.unknown == tuple(("B", name) for name in AMOUNTS)
        assert [o.totals.communities for o in plan.offices] == [2, 0, 0]
        assert [o.name for o in plan.offices] == ["东山街道办事处", None, "南湖街道办事处"]


class TestBudgetErrorsInFull:
    """Each refusal names its field and value, in both languages (found by mutation testing)."""

    @pytest.mark.parametrize(
        ("year", "error", "en", "zh"),
        [
            ("2025", InvalidType, "is a str; expected an int calendar year", "类型为 str；应为整数年份"),
            (True, InvalidType, "is a bool; expected an int calendar year", "类型为 bool；应为整数年份"),
            (0, InvalidValue, "is not a calendar year (1–9999)", "不是有效年份（1–9999）"),
            (10_000, InvalidValue, "is not a calendar year (1–9999)", "不是有效年份（1–9999）"),
        ],
    )
    def test_year(self, year: object, error: type[Exception], en: str, zh: str) -> None:
        with pytest.raises(error) as info:
            budget(_district(), year)  # type: ignore[arg-type]
        assert (info.value.path, info.value.value) == ("year", year)  # type: ignore[attr-defined]
        assert (info.value.message_en, info.value.message_zh) == (en, zh)  # type: ignore[attr-defined]

    def test_district(self) -> None:
        office = _district().offices[0]
        with pytest.raises(InvalidType) as info:
            budget(office, 2025)  # type: ignore[arg-type]
        assert (info.value.path, info.value.value) == ("district", office)
        assert info.value.message_en == "is a SubDistrictOffice; expected a District"
        assert info.value.message_zh == "类型为 SubDistrictOffice；应为 District"

    def test_policy(self) -> None:
        with pytest.raises(InvalidType) as info:
            budget(_district(), 2025, policy=None)  # type: ignore[arg-type]
        assert (info.value.path, info.value.value) == ("policy", None)

    @pytest.mark.parametrize("render", ["to_text", "to_markdown"])
    def test_language(self, render: str) -> None:
        with pytest.raises(InvalidValue) as info:
            getattr(_small_plan(), render)("fr")
        assert (info.value.path, info.value.value) == ("lang", "fr")
        assert info.value.message_en == "is not a language (valid: zh, en)"
        assert info.value.message_zh == "不是有效语言（有效值：zh, en）"

    def test_unknown_community(self) -> None:
        with pytest.raises(InvalidValue) as info:
            _small_plan().community("Z")
        assert (info.value.path, info.value.value) == ("community", "Z")
        assert (info.value.message_en, info.value.message_zh) == (
            "is not a community of this budget",
            "不是本预算中的社区",
        )

    def test_a_pay_error_names_the_office_community_and_staff_member(self) -> None:
        # The second office's first community, its second staff member.
        bad = Community(
            "X",
            households=10,
            staff_members=[StaffMember("S1", monthly_pay=100), StaffMember("S2", monthly_pay=D("1.005"))],
        )
        district = District(
            "D", offices=[SubDistrictOffice("O1"), SubDistrictOffice("O2", communities=[bad])]
        )
        with pytest.raises(InvalidValue) as info:
            budget(district, 2025)
        assert info.value.path == "offices[1].communities[0].staff_members[1].monthly_pay"
        assert info.value.value == D("1.005")


class TestDetailsInFull:
    """Reasons, escapes and the policy of the partition (found by mutation testing)."""

    def test_building_heads_follow_the_policy(self) -> None:
        # Community C of _district(): 5 buildings, 260 households in one sub-area. Heads of 2 to 3
        # buildings (I-3, the default) make 2 heads (3 + 2); with up to 5 buildings a head, 1 head.
        policy = attrs.evolve(DEFAULT_POLICY, building_head_max_buildings=5)
        c = budget(_district(), 2025, policy=policy).community("C")
        assert (c.building_heads, c.building_head_allowance) == (1, D("1200.00"))

    def test_reasons_in_chinese(self) -> None:
        # X: 400 households but its one listed building holds 100; Y: pay of one of two staff not known.
        x = Community("X", buildings=[Building("X1", 100)], households=400, staff=0)
        y = Community(
            "Y",
            households=10,
            buildings=[Building("Y1", 10)],
            staff_members=[StaffMember("S1", monthly_pay=100), StaffMember("S2")],
        )
        plan = budget(District("D", offices=[SubDistrictOffice("S", communities=[x, y])]), 2025)
        assert plan.community("X").missing == (
            ("building_head_allowance", "the listed buildings do not cover the community's households"),
        )
        assert plan.to_text("zh").splitlines()[-3:] == [
            "* 不完整：未知的金额（—）未计入合计：",
            "  X：楼长误工补贴：所列楼栋未覆盖全部户数",
            "  Y：基本部分（70%）、考核部分（30%）：部分工作人员月工资未知",
        ]
        assert plan.to_text("en").splitlines()[-2:] == [
            "  X: Heads' allowance: the listed buildings do not cover the community's households",
            "  Y: Base pay (70%), Performance pay (30%): monthly pay not known for some staff",
        ]

    def test_a_bar_in_a_markdown_cell_is_escaped(self) -> None:
        # One building of 100 households, nobody in post: 1,000.00 + 800.00 + 1,200.00 = 3,000.00.
        c = Community("A|B", buildings=[Building("B1", 100)], staff=0)
        md = budget(District("D", offices=[SubDistrictOffice("S|1", communities=[c])]), 2025).to_markdown()
        assert (
            "| S\\|1 | A\\|B | 100 | 1 | 1,000.00 | 800.00 | 1,200.00 | 0.00 | 0.00 | 3,000.00 |"
            in md.splitlines()
        )

    def test_a_reason_without_a_translation_is_shown_as_given(self) -> None:
        # A budget line built by hand may carry a reason of its own: the Chinese rendering keeps it.
        plan = _small_plan()
        s1 = plan.offices[0]
        b = attrs.evolve(s1.communities[1], missing=(("office_funds", "see the audit"),))
        plan = attrs.evolve(plan, offices=(attrs.evolve(s1, communities=(s1.communities[0], b)),))
        assert plan.to_text("zh").splitlines()[-1] == "  B：办公经费：see the audit"
        assert plan.to_text("en").splitlines()[-1] == "  B: Office funds: see the audit"
