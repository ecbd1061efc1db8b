"""Draw docs/_static/partition.svg: buildings, sub-area cuts and building heads' groups (2.2.1).

The picture is computed, not drawn by hand: each panel is a street of
buildings passed through :func:`community_rules.partitioning.partition`, and
the script draws what comes back — a box per building (its height follows its
households), a frame per residential sub-area (居民小区) with its households,
and a bracket per building head (楼长) under the buildings in his or her care.
Run it from the repository root after changing the partitioning::

    python docs/_scripts/partition_svg.py

>>> svg = render()
>>> svg.startswith("<svg") and svg.count("<rect") > 20
True
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from community_rules.model import Building
from community_rules.partitioning import Partition, partition

OUT = Path(__file__).resolve().parent.parent / "_static" / "partition.svg"

BOX, GAP, AREA_GAP = 76, 8, 22  # box width, gap between buildings, extra gap at a cut
SCALE = 0.16  # pixels of box height per household
COLOURS = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#e15759", "#76b7b2"]

PANELS = (
    (
        (
            "SPEC §6, I-1: 980 households need 3 sub-areas of at most 500;",
            "the balanced cut's largest has 430 (filling each to the cap would give 450).",
        ),
        [Building(f"B{i}", h) for i, h in enumerate([300, 150, 100, 250, 180], 1)],
    ),
    (
        (
            "I-1, I-2, I-3: a building over the cap is a sub-area of its own, a compound stands apart,",
            "2–3 neighbouring buildings share a building head (SPEC §6, I-3: A1–A5).",
        ),
        [
            *(Building(f"A{i}", h) for i, h in enumerate([40, 60, 80, 30, 50], 1)),
            Building("F", 620),
            Building("G", 200),
            Building("H", 210),
            Building("I", 150),
            *(Building(f"J{i}", h, compound="Garden") for i, h in enumerate([120, 90, 60, 70], 1)),
        ],
    ),
)


def _text(
    x: float, y: float, text: str, *, size: int = 12, anchor: str = "middle", weight: str = "normal"
) -> str:
    return (
        f'<text x="{x:.0f}" y="{y:.0f}" font-size="{size}" text-anchor="{anchor}" '
        f'font-weight="{weight}">{escape(text)}</text>'
    )


def _panel(title: tuple[str, str], result: Partition, top: float) -> tuple[list[str], float, float]:
    """The SVG elements of one street, its width and its height."""
    tallest = max(b.households for s in result.sub_areas for b in s.buildings)
    head = top + 48  # the top of the sub-area frames
    base = head + 52 + tallest * SCALE  # the street line
    items = [_text(10, top + 16, line, size=13, anchor="start", weight="bold") for line in title[:1]]
    items.append(_text(10, top + 34, title[1], size=13, anchor="start"))
    x = 16.0
    for number, area in enumerate(result.sub_areas, 1):
        colour = COLOURS[(number - 1) % len(COLOURS)]
        width = len(area.buildings) * (BOX + GAP) - GAP
        name = f"sub-area {number}" + (f" ({area.compound})" if area.compound else "")
        items.append(
            f'<rect x="{x - 6:.0f}" y="{head:.0f}" width="{width + 12:.0f}" height="{base - head + 4:.0f}" '
            f'rx="8" fill="{colour}" fill-opacity="0.10" stroke="{colour}" stroke-width="1.5"/>'
        )
        items.append(_text(x + width / 2, head + 16, name, size=11, weight="bold"))
        items.append(_text(x + width / 2, head + 30, f"{area.households} households", size=10))
        positions = {}
        for building in area.buildings:
            height = max(building.households * SCALE, 14)
            items.append(
                f'<rect x="{x:.0f}" y="{base - height:.0f}" width="{BOX}" height="{height:.0f}" '
                f'fill="{colour}" fill-opacity="0.55" stroke="#333" stroke-width="0.8"/>'
            )
            items.append(
                _text(x + BOX / 2, base - height - 4, f"{building.id}: {building.households}", size=11)
            )
            positions[building.id] = x
            x += BOX + GAP
        for number_of_head, group in enumerate(area.groups, 1):
            left = positions[group.buildings[0].id] + 4
            right = positions[group.buildings[-1].id] + BOX - 4
            y = base + 14
            items.append(
                f'<path d="M{left:.0f},{y - 6:.0f} V{y:.0f} H{right:.0f} V{y - 6:.0f}" '
                f'fill="none" stroke="#333" stroke-width="1.2"/>'
            )
            label = f"head {number_of_head}: {group.households}"
            items.append(_text((left + right) / 2, y + 14, label, size=10))
        x += AREA_GAP - GAP
    items.append(
        f'<line x1="8" y1="{base:.0f}" x2="{x:.0f}" y2="{base:.0f}" stroke="#999" stroke-width="1"/>'
    )
    return items, x + 8, base - top + 40


def render() -> str:
    """The whole picture, as SVG text."""
    body: list[str] = []
    top, width = 8.0, 0.0
    for title, street in PANELS:
        items, panel_width, height = _panel(title, partition(street), top)
        body += items
        width = max(width, panel_width)
        top += height + 16
    width = max(width, 720)
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{top:.0f}" '
            f'viewBox="0 0 {width:.0f} {top:.0f}" font-family="sans-serif" role="img">',
            "<title>Residential sub-areas and building heads (clause 2.2.1)</title>",
            "<desc>Buildings as boxes with their households, framed by the residential sub-area "
            "each belongs to, with a bracket under the buildings in each building head's care.</desc>",
            f'<rect width="{width:.0f}" height="{top:.0f}" fill="white"/>',
            *body,
            "</svg>",
            "",
        ]
    )


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}")
