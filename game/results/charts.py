"""The exported pages' charts, as SVG made by pygal and put inside the HTML.

Why pygal and SVG rather than the game's own charts as PNG: a report is printed, and vector
charts stay sharp on paper at any size, weigh a few kilobytes, need no window or pygame to be
made (``report`` and ``compare`` run on a trainer's laptop from a terminal, and in CI), and their
text is real text a browser can search and a screen reader can read. pygal is maintained, pure
Python and makes plain SVG; its tooltips need a script from the internet, so they are switched
off (``js=[]``): the pages never ask for anything from outside.

Colours are the Okabe–Ito palette the game uses for colour-blind players, on white for paper.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

import pygal
from pygal.style import Style

from game.domain import GrowthPhase, Indicator, Language
from game.labels import label
from game.results.models import ResultsFile, Words

# Okabe–Ito: distinguishable with every common kind of colour blindness, and in grey print.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442")
FONT = "'Noto Sans', 'DejaVu Sans', 'Segoe UI', Arial, sans-serif"
LINES = ("interaction", "initiative_ownership", "organisation_ownership")
INDICATORS = (
    Indicator.TRUST,
    Indicator.COMMUNITY_ENERGY,
    Indicator.AWARENESS,
    Indicator.SKILL,
    Indicator.EMBEDDING,
    Indicator.OWNERSHIP_BREADTH,
)


def _style(colours: Sequence[str] = COLOURS) -> Style:
    return Style(
        background="white",
        plot_background="white",
        foreground="#222222",
        foreground_strong="#111111",
        foreground_subtle="#cccccc",
        colors=tuple(colours),
        font_family=FONT,
        label_font_size=13,
        major_label_font_size=13,
        legend_font_size=14,
        title_font_size=16,
        value_font_size=12,
        opacity="1",
        opacity_hover="1",
    )


def _config(**extra: object) -> dict[str, object]:
    """What every chart shares: no script, no XML declaration, scales to its box, no tooltips."""
    return {
        "js": [],
        "disable_xml_declaration": True,
        "explicit_size": False,
        "width": 820,
        "height": 360,
        "legend_at_bottom": True,
        "legend_at_bottom_columns": 3,
        "truncate_legend": -1,
        "truncate_label": -1,
        "show_y_guides": True,
        "show_x_guides": False,
        "dots_size": 3.5,
        "stroke_style": {"width": 3},
        "margin": 12,
        "style": _style(),
        **extra,
    }


_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)


_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL)
# What pygal writes for its script's tooltips (each dot's value, each guide's number): a page
# without scripts never shows it, and it was 4 KB of a report.
_TOOLTIPS = re.compile(r"<desc class=\"[^\"]*\">[^<]*</desc>|<title>[^<]*</title>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_CHART_ID = re.compile(r'id="(chart-[0-9a-f-]+)"')
# Coordinates to a tenth of a pixel: pygal writes six decimals, which a page at 820 pixels wide
# cannot show, and which made up much of a report's size (issue 22).
_LONG_NUMBER = re.compile(r"(\d\.\d)\d+")
# Where pygal's script would place a tooltip; without the script nothing reads them (the value
# itself stays, as the point's description).
_TOOLTIP_PLACE = re.compile(
    r'<desc class="(?:x|y)[^"]*">[^<]*</desc>|<desc class="x_label">[^<]*</desc>'
)


def _render(chart: pygal.graph.graph.Graph) -> str:
    """The chart's SVG, without the script pygal adds for its tooltips (which would need its
    script from the internet; the page allows no script at all), without its comments, with
    its coordinates to a tenth of a pixel, and with its style sheet's rules written for every
    chart (``.pygal-chart``) so a page can keep one copy of them (``one_style``)."""
    svg = chart.render(is_unicode=True)
    svg = _COMMENT.sub("", _SCRIPT.sub("", svg))
    found = _CHART_ID.search(svg)
    if found is not None:
        svg = svg.replace("#" + found.group(1), ".pygal-chart")
    svg = _TOOLTIP_PLACE.sub("", svg).replace(" reactive tooltip-trigger", "")
    svg = _SCRIPT_LAYERS.sub("", svg)
    svg = _DOT_GROUP.sub(r"\1", svg)
    return _LONG_NUMBER.sub(r"\1", svg)


# The layers and marks pygal's script works with: empty, or invisible without it (and the
# legend's ids would be repeated by a second chart on the same page).
_SCRIPT_LAYERS = re.compile(
    r'<g transform="[^"]*" class="plot text-overlay">(?:<g [^>]*/>)*</g>'
    r'|<g transform="[^"]*" class="plot tooltip-overlay"><g [^>]*><rect [^>]*/>'
    r'<g class="text" /></g></g>'
    r'| id="activate-serie-\d+"| reactive activate-serie| reactive'
)
# A group around each single point, there for the tooltip's script.
_DOT_GROUP = re.compile(
    r'<g class="dots">(<circle[^>]*/>(?:<desc class="value">[^<]*</desc>)?)</g>'
)
# Rules for the tooltips, hovering and the script's overlays: nothing on a page without script
# and on paper uses them.
_INTERACTIVE = ("tooltip", "reactive", "text-overlay", ":hover", "activate")


def one_style(context: dict[str, Any], keys: tuple[str, ...]) -> None:
    """The charts in ``context[key]`` without their own style sheets (or their script's
    tooltips), and one sheet with every rule any of them had in ``context["chart_css"]``: each
    chart carried its own copy of pygal's rules (issue 22: 60% of a report was charts)."""
    rules: dict[str, None] = {}
    for key in keys:
        svg = context.get(key) or ""
        for sheet in _STYLE.findall(svg):
            rules.update(
                (rule.strip() + "}", None)
                for rule in sheet.split("}")
                if rule.strip() and not any(word in rule for word in _INTERACTIVE)
            )
        context[key] = _TOOLTIPS.sub("", _STYLE.sub("", svg))
    # In the SVG the sheet was XML ('&gt;'); in the page's own <style> it is read as written.
    context["chart_css"] = html.unescape("\n".join(rules))


def _round_labels(results: ResultsFile) -> list[str]:
    return [str(r.round) for r in results.rounds]


def _line_values(results: ResultsFile, line: str) -> list[float]:
    """The three lines per round, as ``game.sim.score.line_strengths`` makes them at the end."""
    values = []
    for record in results.rounds:
        ind = record.indicators
        if line == "interaction":
            value = ind[Indicator.INTERACTION]
        elif line == "initiative_ownership":
            value = (record.fit_record + ind[Indicator.COMMUNITY_ENERGY]) / 2
        else:
            value = (
                ind[Indicator.OWNERSHIP_BREADTH] + ind[Indicator.EMBEDDING] + ind[Indicator.SKILL]
            ) / 3
        values.append(round(value, 1))
    return values


def lines_chart(results: ResultsFile, texts: dict[str, str]) -> str:
    """The three lines over the rounds (0–100)."""
    chart = pygal.Line(**_config(range=(0, 100), x_title=texts["round"]))
    chart.x_labels = _round_labels(results)
    for line in LINES:
        chart.add(texts[f"line_{line}"], _line_values(results, line))
    return _render(chart)


def indicators_chart(results: ResultsFile, lang: Language, texts: dict[str, str]) -> str:
    """Trust, community energy and the organisation's indicators over the rounds (0–100)."""
    chart = pygal.Line(**_config(range=(0, 100), x_title=texts["round"]))
    chart.x_labels = _round_labels(results)
    for indicator in INDICATORS:
        values = [round(r.indicators[indicator], 1) for r in results.rounds]
        chart.add(label(indicator, lang), values)
    return _render(chart)


def scores_chart(teams: Sequence[tuple[str, ResultsFile]], texts: dict[str, str]) -> str:
    """One bar per team: its score out of 1000."""
    chart = pygal.HorizontalBar(
        **_config(
            range=(0, 1000),
            height=max(160, 70 + 46 * len(teams)),
            show_legend=False,
            print_values=True,
            print_values_position="top",
            style=_style(),
        )
    )
    chart.x_labels = [name for name, _ in teams]
    chart.add(
        texts["score"],
        [
            {"value": r.final.score.total, "color": COLOURS[i % len(COLOURS)]}
            for i, (_, r) in enumerate(teams)
        ],
    )
    return _render(chart)


def growth_chart(teams: Sequence[tuple[str, ResultsFile]], lang: Language, texts: dict) -> str:
    """Per team, the relations' mean growth phase (1–4) after every round."""
    rounds = max((len(r.rounds) for _, r in teams), default=0)
    chart = pygal.Line(
        **_config(
            range=(1, 4),
            x_title=texts["round"],
            y_labels=[
                {"label": f"{p.level} {label(p, lang)}", "value": p.level} for p in GrowthPhase
            ],
        )
    )
    chart.x_labels = [str(n) for n in range(1, rounds + 1)]
    for name, results in teams:
        values = []
        for record in results.rounds:
            phases = list(record.relation_phase.values())
            values.append(round(sum(p.level for p in phases) / len(phases), 2) if phases else None)
        chart.add(name, values)
    return _render(chart)


def words(value: Words | None, lang: Language) -> str:
    return "" if value is None else value.get(lang)


_INDENT = re.compile(r"\n[ \t]+")


def unindented(page: str) -> str:
    """A page without the templates' indentation: a browser ignores it (the pages have no
    preformatted text), and it was a tenth of a report."""
    return _INDENT.sub("\n", page)
