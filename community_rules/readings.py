"""The readings the opinion's text does not settle (SPEC §4, I-1…I-20).

Each :class:`Interpretation` names the clause, quotes the Chinese words, says
which reading the library takes by default, the alternatives, why, and which
:class:`~community_rules.policy.Policy` fields select among them. ``local``
marks the readings that are a district's own choice because the opinion gives
no number at all (the assessment scales).

>>> interpretation("I-6").words_zh
'每千户每年不少于1万元'
>>> interpretation("I-6").policy_fields
('office_funds_per_thousand', 'office_funds_rule')
>>> [i.id for i in interpretations() if i.local]
['I-11', 'I-16', 'I-17', 'I-18']
"""

from __future__ import annotations

import attrs

from .errors import InvalidValue

__all__ = ["Interpretation", "interpretation", "interpretations"]


@attrs.frozen
class Interpretation:
    """One documented, switchable reading of the opinion."""

    id: str
    clause: str
    words_zh: str
    title: str
    default: str
    alternatives: tuple[str, ...]
    reason: str
    policy_fields: tuple[str, ...]
    local: bool = False


_ALL = (
    Interpretation(
        "I-1",
        "2.2.1",
        "原则上每500户为一小区",
        "Sub-area size",
        "500 households is a cap. Buildings keep their given (street) order; a building of more "
        "than 500 households is a sub-area of its own and cuts the pool; each run between cuts "
        "is cut into the fewest contiguous sub-areas of at most 500 households, and among those "
        "into the one whose largest sub-area is smallest.",
        ("Per run, the nearest whole number of sub-areas, max(1, round(H / 500)), balanced.",),
        "'原则上每500户为一小区' sets a size per sub-area; reading it as a cap keeps every "
        "sub-area within what one sub-area head can care for.",
        ("sub_area_households", "sub_area_rule"),
    ),
    Interpretation(
        "I-2",
        "2.2.1",
        "封闭小区和较分散且相对独立的区域可单设为一个小区",
        "Gated compounds",
        "The buildings of one compound never share a sub-area with buildings outside it, even "
        "when small; a compound over the cap is cut by I-1 within itself; the ordinary buildings "
        "form one pool cut by I-1; sub-areas are ordered by their first building's position.",
        (),
        "A compound is 'set up separately' (单设); mixing it with outside buildings would undo that.",
        ("sub_area_households",),
    ),
    Interpretation(
        "I-3",
        "2.2.1",
        "每2-3栋居民楼设楼长1名",
        "Building heads",
        "Within a sub-area, consecutive groups of 2 or 3 buildings, as few groups as possible "
        "(ceil(n / 3) for n ≥ 2); a sub-area of one building gives that building its own head; "
        "among the fewest groups, the one whose largest group (in households) is smallest; "
        "groups never cross a sub-area boundary.",
        (),
        "'2-3 buildings per head' cannot be met by one building; a lone building still needs a head.",
        ("building_head_min_buildings", "building_head_max_buildings"),
    ),
    Interpretation(
        "I-4",
        "3.1",
        "每300户配备1人",
        "Staff quota",
        "ceil(households / 300); 0 for 0 households.",
        ("round half up: round_half_up(households / 300).",),
        "Every started 300 households needs someone to serve them.",
        ("households_per_staff", "staff_quota_rounding"),
    ),
    Interpretation(
        "I-5",
        "3.1",
        "今年可按缺额人数的70%录用",
        "This year's hiring",
        "shortfall = max(0, quota − current staff); this year round_half_up(0.7 × shortfall); "
        "the rest later.",
        ("floor(0.7 × shortfall)", "ceil(0.7 × shortfall)"),
        "Half up is the usual rounding of a headcount share in Chinese administrative practice.",
        ("hiring_share_this_year", "hiring_rounding", "adoption_year"),
    ),
    Interpretation(
        "I-6",
        "3.2",
        "每千户每年不少于1万元",
        "Office funds",
        "Pro rata: 10 yuan per household per year.",
        ("Per started thousand: ceil(households / 1000) × 10,000.",),
        "The standard is a rate; pro rata applies it exactly to every household.",
        ("office_funds_per_thousand", "office_funds_rule"),
    ),
    Interpretation(
        "I-7",
        "3.2",
        "不少于居委会办公经费80%",
        "Welfare fund base",
        "80 % of the office funds actually granted; when planning (nothing granted yet), of the "
        "minimum office funds.",
        ("Always 80 % of the minimum office funds.",),
        "The text ties the fund to the office funds, which are those granted.",
        ("welfare_share", "welfare_base"),
    ),
    Interpretation(
        "I-8",
        "3.2",
        "元",
        "Money",
        "Decimal yuan quantised to the fen (0.01); a minimum is rounded up to the fen, a payment "
        "half up; a split or allocation conserves its total exactly (largest remainder).",
        (),
        "A rounded minimum must never fall below the rule; shares must add up.",
        (),
    ),
    Interpretation(
        "I-9",
        "2.2.2",
        "每人每月100元",
        "Allowance for part months",
        "Each calendar month of the term is paid 100 × days served ÷ days in that month, half up "
        "to the fen per month; a full month is exactly 100.00.",
        ("A started month counts whole.", "Only whole months count."),
        "Pays for the time served, no more and no less.",
        ("building_head_allowance_monthly", "part_month_rule"),
    ),
    Interpretation(
        "I-10",
        "3.2",
        "每月发放70%的基本部分，剩余的30%纳入考核",
        "Pay split",
        "base = round_half_up(0.7 × monthly pay); performance part = pay − base.",
        (),
        "Rounding one part and deriving the other conserves the pay exactly.",
        ("base_pay_share",),
    ),
    Interpretation(
        "I-11",
        "3.2",
        "由街道办事处根据考核情况浮动发放",
        "Performance payout",
        "The performance part × score / 100, the score clamped to 0..100, half up to the fen.",
        (),
        "The text does not quantify the float; a linear payout is the simplest local choice.",
        ("base_pay_share",),
        local=True,
    ),
    Interpretation(
        "I-12",
        "3.3",
        "150平方米以上 / 不少于300平方米",
        "Space thresholds",
        "Inclusive: 150 m² itself meets the standard.",
        ("Exclusive: more than 150 m².",),
        "In Chinese legal usage 以上 includes the number itself (Civil Code art. 1259).",
        ("old_town_space_m2", "new_space_m2", "space_threshold_inclusive"),
    ),
    Interpretation(
        "I-13",
        "3.1, 3.3",
        "今年 / 今年底之前",
        "This year",
        "The opinion is undated; 'this year' is Policy.adoption_year, set by the user; a rule "
        "that needs it and finds it unset raises a clear error. Year end is 31 December.",
        (),
        "Guessing the year would silently date every deadline.",
        ("adoption_year",),
    ),
    Interpretation(
        "I-14",
        "3.3",
        "今年底之前，要确保70%的社区居委会用房达到标准",
        "The 70 % space target",
        "Counted over all communities, not weighted by households; unknown space counts as not "
        "(yet) compliant and is reported apart; met when the rate is ≥ 0.7.",
        (),
        "The text counts committees (70%的社区居委会), not households.",
        ("space_target_share",),
    ),
    Interpretation(
        "I-15",
        "3.3",
        "2008年以后新建工程",
        "Public rooms",
        "Projects completed on or after 1 January 2008.",
        ("Projects completed after 31 December 2008.",),
        "A year followed by 以后 commonly includes that year.",
        ("public_rooms_from",),
    ),
    Interpretation(
        "I-16",
        "4.3.3",
        "社区居民…进行评议",
        "Resident score",
        "Satisfied 100, basically satisfied 60, dissatisfied 0, averaged over the ballots, half up to 0.01.",
        (),
        "The text names no scale; this is the common three-option ballot.",
        ("ballot_satisfied", "ballot_basically_satisfied", "ballot_dissatisfied"),
        local=True,
    ),
    Interpretation(
        "I-17",
        "4.3.2",
        "日常督导和年终考核相结合",
        "Composite score",
        "Weights per level: daily supervision 0.3, year-end 0.4, residents 0.3 (department: "
        "daily 0.4, year-end 0.6); daily scores averaged; half up to 0.01; a missing component "
        "with a non-zero weight is an error.",
        (),
        "The text says to combine but gives no weights; a silent re-weighting would hide gaps.",
        (
            "weights_department",
            "weights_sub_district_office",
            "weights_community",
            "weights_sub_area_head",
            "weights_building_head",
        ),
        local=True,
    ),
    Interpretation(
        "I-18",
        "4.3.2",
        "考核结果与人员聘用和待遇挂钩",
        "Grades",
        "≥ 90 excellent, ≥ 75 competent, ≥ 60 basically competent, below 60 incompetent; an "
        "incompetent result flags the person or unit for non-renewal.",
        (),
        "The text links results to hiring (聘用挂钩) without bands; these are common bands.",
        ("grade_excellent", "grade_competent", "grade_basically_competent"),
        local=True,
    ),
    Interpretation(
        "I-19",
        "3.1",
        "原则上，社区工作人员应具有大专以上学历",
        "Education",
        "Below junior college (大专) is an IN_PRINCIPLE finding, never a rejection.",
        (),
        "原则上 allows exceptions; the text gives no criteria, so the library reports, not refuses.",
        ("minimum_education",),
    ),
    Interpretation(
        "I-20",
        "2.2.2, 4.3.3",
        "每人每月100元 / 与…楼长等人员聘用和待遇挂钩",
        "Building heads' pay and the resident evaluation",
        "The allowance stays fixed; the evaluation acts on renewal (an incompetent grade flags "
        "the building head for replacement).",
        ("An incompetent grade suspends the allowance for the next year.",),
        "2.2.2 fixes the allowance as a standard (标准); renewal is the link left to 4.3.3.",
        ("building_head_evaluation_effect",),
    ),
)

_BY_ID = {i.id: i for i in _ALL}


def interpretations() -> tuple[Interpretation, ...]:
    """All the interpretations I-1…I-20, in order."""
    return _ALL


def interpretation(interpretation_id: str) -> Interpretation:
    """One interpretation by id (``"I-5"``); an unknown id lists the valid ones."""
    try:
        return _BY_ID[interpretation_id]
    except (KeyError, TypeError):
        raise InvalidValue(
            "interpretation",
            interpretation_id,
            f"is not an interpretation (valid: {', '.join(_BY_ID)})",
            f"不是有效的解释编号（有效值：{', '.join(_BY_ID)}）",
        ) from None
