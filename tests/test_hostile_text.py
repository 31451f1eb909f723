"""Hostile user text through every place the app shows it: as typed (or cut), never as markup.

The corpus (tests/fixtures/hostile_strings.toml: Markdown images and links, HTML, Streamlit
directives, LaTeX, bidi and zero-width characters, a 100 kB string ...) goes through each place
in PLACES: link keys and values, an uploaded CSV's file name and cells, a pasted job
description and an uploaded one's file name, on every page that shows them, in the charts and
in every export. AppTest gives each element's source: a Markdown element must carry the user's
text with every markup character backslash-escaped; a plotly label, escaped as HTML; plain-text
places (ECharts canvas text, st.text, dataframe cells, slides) the text itself, cleaned. The
browser half (what Chromium draws, what it fetches) is tests/e2e/test_hostile_browser.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
import string
import tomllib
from collections.abc import Iterator
from datetime import date
from urllib.parse import urlencode

import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from planner import Answers, make_plan, validate_benchmarks
from planner.kit._lint import MAX_JD_BYTES
from planner.market._schema import COLUMNS, MAX_TEXT
from planner.models import Archetype, Level
from planner.render._charts_plan import compare_figure
from planner.render._deck import FOOTER_CHARS, plan_pptx
from planner.render._export import cost_csv, plan_json, plan_markdown
from planner.text import WORD_JOINER, clean, html_text, md, one_line, short_cite
from tests.conftest import FIXTURES, ROOT

TIMEOUT = 120
QUERY_LIMIT = 400_000  # characters; Streamlit ignores a query string over 524,288


def load_corpus() -> list[tuple[str, str]]:
    """(id, text) for every hostile string, long ones repeated to their length."""
    raw = tomllib.loads((FIXTURES / "hostile_strings.toml").read_text(encoding="utf-8"))
    out = []
    for entry in raw["strings"]:
        text = entry["text"]
        if "repeat" in entry:
            text = (text * (entry["repeat"] // len(text) + 1))[: entry["repeat"]]
        out.append((entry["id"], text))
    return out


CORPUS = load_corpus()
STRINGS = [pytest.param(text, id=name) for name, text in CORPUS]

# Every place a user string is shown, as the tests below check them.
LINK_PLACES = (
    "Plan notice: a link value (view=…)",
    "Plan notice: a link key",
    "Plan notice: an answer's value (live_models=…)",
    "Plan notice: an assumption's value (agency_fee=…)",
    "Plan notice: an on-cost key (oc.…)",
    "Presentation view notice: a link value",
)
UPLOAD_PLACES = (
    "Your data: 'In use' message (file name)",
    "Plan, Cost: 'Where these numbers come from' (source cell)",
    "Plan, Cost: ECharts footer and description (source cell)",
    "Plan, Market pay: chart subtitle (file name)",
    "Plan, Market pay: chart footer (source cell)",
    "Plan, Market pay: shared-band note (derivation cell's series)",
    "Plan, Market pay: bands table, Source (source cell)",
    "Plan, Market pay: bands table, Data (file name)",
    "Plan, Market pay: bands table, Derivation (derivation cell)",
    "Plan, How sure: table of inputs, Source (source cell)",
    "Presentation view: sources caption (source cell)",
    "Presentation view: market chart subtitle and footer",
    "About the data: 'Your data' notice (file name)",
    "About the data: shared-band note (derivation cell's series)",
    "About the data: bands table (source, derivation, file name)",
    "Hiring kit: job description's pay line (source cell)",
    "Your data: error for a refused file (file name)",
)
EXPORT_PLACES = (
    "Markdown export: sources",
    "Markdown export: simulation inputs table",
    "CSV export: source rows",
    "JSON export",
    "Slides: footers and notes",
    "Scenarios compared: chart legend and hover",
)
KIT_PLACES = (
    "Hiring kit: finding's quoted line (pasted text)",
    "Hiring kit: all findings table (pasted text)",
    "Hiring kit: lines by kind of work table (pasted text)",
    "Hiring kit: error for a refused upload (file name)",
)
PLACES = LINK_PLACES + UPLOAD_PLACES + EXPORT_PLACES + KIT_PLACES

# Punctuation with no meaning in Markdown or Streamlit; every other ASCII punctuation
# character of user text must arrive backslash-escaped.
INERT = set(",;'\"?%")
INVISIBLE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\x00-\x08\x0b-\x1f]")
PREFIX = 40  # characters of the user's text looked for in an element
_PLOTLY_NAMED = {"amp": "&", "lt": "<", "gt": ">", "nbsp": "\u00a0"}
_OUR_TAGS = re.compile(r"<br>|</?b>")


def unescaped(source: str) -> list[str]:
    """The ASCII punctuation in Markdown `source` that is not backslash-escaped (inert aside)."""
    found, i = [], 0
    while i < len(source):
        if source[i] == "\\" and i + 1 < len(source) and source[i + 1] in string.punctuation:
            i += 2
            continue
        if source[i] in string.punctuation and source[i] not in INERT:
            found.append(source[i])
        i += 1
    return found


def unescape(source: str) -> str:
    """What Markdown shows of escaped text: backslash escapes resolved, no-break spaces as
    spaces, word joiners (invisible) dropped."""
    shown = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", source)
    return shown.replace("\u00a0", " ").replace(WORD_JOINER, "")


def visible(user: str, length: int = PREFIX) -> str:
    """The start of `user` as any place shows it: cleaned, on one line."""
    return one_line(user, 10**9)[:length].rstrip()


def assert_markdown_shows(source: str, user: str, length: int = PREFIX) -> None:
    """`source` (Markdown) shows the start of `user` as typed: each of its markup characters
    escaped, nothing invisible."""
    shown = visible(user, length)
    pattern = f"{WORD_JOINER}?".join(
        (r"\\?" if c in INERT else r"\\") + re.escape(c)
        if c in string.punctuation
        else re.escape(c)
        for c in shown
    )
    assert re.search(pattern, source), (shown, source[:600])
    assert not INVISIBLE.search(source)


def plotly_shows(text: str) -> str:
    """What plotly draws of a label: our own tags dropped, entities decoded as plotly does
    (numeric ones and a few names; &quot; would show as it is)."""
    assert "<" not in _OUR_TAGS.sub("", text), text  # no tag came from user text
    assert "$" not in text, text  # plotly reads $…$ as LaTeX

    def entity(m: re.Match[str]) -> str:
        name = m.group(1)
        if name.startswith("#x"):
            return chr(int(name[2:], 16))
        if name.startswith("#"):
            return chr(int(name[1:]))
        return _PLOTLY_NAMED.get(name, m.group(0))

    shown = re.sub(r"&(#\d+|#x[\da-fA-F]+|[a-z]+);", entity, _OUR_TAGS.sub(" ", text))
    return " ".join(shown.split())


def cell_shows(cell: object, user: str) -> None:
    """A dataframe cell (drawn as text) holds the start of `user`, without invisible
    characters."""
    text = str(cell)
    assert visible(user) in " ".join(text.split()), (visible(user), text[:300])
    assert not INVISIBLE.search(text)


def test_every_string_goes_through_every_place():
    """The corpus and the places, counted: every test below covers its part of the product."""
    assert len(CORPUS) >= 30 and len({name for name, _ in CORPUS}) == len(CORPUS)
    assert max(len(text) for _, text in CORPUS) >= 100_000
    assert len(PLACES) == len(set(PLACES)) == 33
    print(f"{len(CORPUS)} strings × {len(PLACES)} places = {len(CORPUS) * len(PLACES)}")


# ---- The helpers themselves ----------------------------------------------------------------


@pytest.mark.parametrize("text", STRINGS)
def test_md_escapes_all_markup_and_keeps_the_text(text):
    """md(): no markup character left bare; what Markdown shows is the cleaned text."""
    out = md(text)
    assert unescaped(out) == []
    indent = re.compile(r"^[ \t]+", re.MULTILINE)
    assert unescape(out) == indent.sub(lambda m: m.group(0).replace("\t", "    "), clean(text))
    assert not re.search(r"^ {4}|^\t", out, re.MULTILINE)  # no indented code block


@pytest.mark.parametrize("text", STRINGS)
def test_html_text_shows_the_line_and_makes_no_tag(text):
    """html_text(): plotly draws the cleaned, cut line; no tag, no TeX."""
    assert plotly_shows(html_text(text, 10**9)) == one_line(text, 10**9)
    assert len(html_text(text)) < 200 * 6  # cut to 200 characters, each at most an entity


# ---- Links ---------------------------------------------------------------------------------


def _notice(at: AppTest) -> str:
    (notice,) = [i.value for i in at.info if i.value.startswith("Some link parameters")]
    return notice


def _assert_notice_shows(notice: str, user: str) -> None:
    """The notice's body (after our first words) is plain text: every markup character in it
    escaped, the visitor's key or value quoted within it."""
    body = notice.removeprefix("Some link parameters were ignored: ").removesuffix(".")
    assert unescaped(body) == [], notice[:400]
    assert not INVISIBLE.search(notice)
    quoted = re.sub(r"[\\'\"]", "", unescape(body))  # repr() quotes and escapes

    def plain(t: str) -> str:
        return re.sub(r"[\\'\"]", "", t)

    assert plain(visible(user, 20)) in quoted, (visible(user, 20), notice[:400])


@pytest.mark.parametrize("text", STRINGS)
def test_link_keys_and_values_show_as_plain_text(text):
    """A link's keys and values reach the 'ignored' notice as plain text, in the plan view and
    in the presentation view."""
    plan_view = [{"view": text}, {text: "1"}, {"live_models": text}, {"agency_fee": text}]
    plan_view.append({f"oc.{text}": "1"})
    for present, params in ((False, plan_view), (True, [{"view": "present", text: "1"}])):
        for batch in _batches(params):
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
            for key, value in batch.items():
                at.query_params[key] = value
            at.run()
            assert not at.exception
            notice = _notice(at)
            _assert_notice_shows(notice, text)
            assert notice.count("; ") >= len(batch) - 1 - present  # every note is in it


def _batches(params: list[dict[str, str]]) -> Iterator[dict[str, str]]:
    """The parameters, in as few links as fit Streamlit's query-string limit (a longer one
    is ignored whole, before the app sees it)."""
    batch: dict[str, str] = {}
    for p in params:
        if batch and len(urlencode(batch | p)) > QUERY_LIMIT:
            yield batch
            batch = {}
        batch |= p
    yield batch


# ---- An uploaded CSV -----------------------------------------------------------------------

PAY = {
    Level.JUNIOR: (90_000, 100_000, 110_000, 120_000, 130_000),
    Level.MID: (120_000, 135_000, 150_000, 165_000, 180_000),
    Level.SENIOR: (150_000, 170_000, 190_000, 210_000, 230_000),
    Level.STAFF: (190_000, 215_000, 240_000, 265_000, 290_000),
}
SERIES = "hostile_id.v-1"  # a derivation's series id: shared-band notes name it


def source_cell(text: str) -> str:
    return ("Upsource " + text)[:MAX_TEXT]  # a cell holds at most MAX_TEXT characters


def upload_csv(*texts: str) -> bytes:
    """Every band of the default market, its source and derivation cells carrying the texts
    (one for all archetypes, or one per archetype in turn); the same pay for every archetype,
    so that the shared-band notes appear too."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for archetype, text in zip(Archetype, texts * len(Archetype), strict=False):
        derivation = (f"series {SERIES}; " + text)[:MAX_TEXT]
        for level, pay in PAY.items():
            cells = [source_cell(text), "2026", "primary", derivation]
            writer.writerow(
                [archetype.value, level.value, "us_national", "USD", *pay, "true", *cells]
            )
    return buffer.getvalue().encode("utf-8")


def _plotly(at: AppTest, index: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[index].proto.spec)


def _market_chart_shows(fig: dict, text: str) -> None:
    subtitle = plotly_shows(fig["layout"]["title"]["subtitle"]["text"])
    assert f"your data ({visible(text)}" in subtitle, subtitle
    footers = [a["text"] for a in fig["layout"]["annotations"] if "Base salary" in a["text"]]
    assert visible(short_cite_of(text)) in plotly_shows(footers[0]), footers[0]
    for a in fig["layout"]["annotations"]:  # row labels too: no tag but ours
        assert "<" not in _OUR_TAGS.sub("", a["text"]), a["text"]


def short_cite_of(text: str) -> str:
    """What a short citation shows of an uploaded source cell."""
    from planner.models import Source, SourceStatus

    return short_cite(
        Source(label="x", source=source_cell(text), year=2026, status=SourceStatus.PRIMARY)
    )


def _caption(at: AppTest, start: str) -> str:
    (found,) = [c.value for c in at.caption if c.value.startswith(start)]
    return found


def _section(at: AppTest, name: str) -> AppTest:
    at.radio(key="plan.section").set_value(name)
    return at.run()


@pytest.mark.parametrize("text", STRINGS)
def test_an_uploaded_file_name_and_cells_show_as_typed_everywhere(text):
    """One upload whose file name, source and derivation cells are `text`, followed through
    every page that shows them."""
    name = text + ".csv"  # the uploader takes .csv files only
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    at.switch_page("app_pages/your_data.py").run()
    at.file_uploader(key="data.file").set_value((name, upload_csv(text), "text/csv"))
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    (in_use,) = at.success
    assert_markdown_shows(in_use.value, text)
    assert unescaped(in_use.value.split("(", 1)[1].rsplit("),", 1)[0]) == []

    at.switch_page("app_pages/plan.py").run()
    at.session_state["plan.open.sources"] = True
    at.run()
    assert not at.exception
    sources = _caption(at, "- ")
    assert_markdown_shows(sources, source_cell(text))
    chart = json.loads(at.get("echarts_chart")[0].proto.spec)["baseOption"]
    footer = chart["title"][1]["text"].replace("\n", " ")
    assert visible(short_cite_of(text)) in footer and not INVISIBLE.search(footer)
    assert visible(short_cite_of(text)) in chart["aria"]["label"]["description"]

    at.session_state["plan.open.bands"] = True
    _section(at, "Market pay")
    assert not at.exception
    _market_chart_shows(_plotly(at), text)
    shared = [c.value for c in at.caption if SERIES in unescape(c.value)]
    assert len(shared) == 1 and unescaped(shared[0]) == []
    bands = at.dataframe[0].value
    for cell in bands["Source"]:
        cell_shows(cell, source_cell(text))
    for cell in bands["Data"]:
        cell_shows(cell, text)
    for cell in bands["Derivation"]:
        cell_shows(cell, text)

    _section(at, "How sure")
    assert not at.exception
    inputs = at.table[0].value
    rows = [s for s in inputs["Source"] if "Upsource" in s]
    assert rows
    for row in rows:
        assert_markdown_shows(row, short_cite_of(text))

    at.button(key="plan.present_on").click().run()
    assert not at.exception
    assert_markdown_shows(_caption(at, "Sources: "), short_cite_of(text))
    _market_chart_shows(_plotly(at), text)
    at.button(key="plan.present_off").click().run()

    at.switch_page("app_pages/about_data.py").run()
    assert not at.exception
    (yours,) = [i.value for i in at.info if i.value.startswith("Your data (")]
    assert_markdown_shows(yours, text)
    shared = [c.value for c in at.caption if SERIES in unescape(c.value)]
    assert len(shared) == 1 and unescaped(shared[0]) == []
    (table,) = [d.value for d in at.dataframe if "derivation" in d.value.columns]
    for column, user in (("source", source_cell(text)), ("origin", text)):
        for cell in table[column]:
            cell_shows(cell, user)

    at.switch_page("app_pages/hiring_kit.py").run()
    assert not at.exception
    (jd,) = [m.value for m in at.markdown if "**Pay:**" in m.value]
    pay = jd.split("**Pay:**", 1)[1].split("\n\n", 1)[0]
    assert_markdown_shows(pay, source_cell(text))
    assert re.sub(r"\\.", "", pay).count("$") == 0  # every "$" escaped

    at.switch_page("app_pages/your_data.py").run()
    at.file_uploader(key="data.file").set_value((name, b"not,a,benchmarks,file\n", "text/csv"))
    at.run()
    assert not at.exception
    (refused,) = at.error
    assert_markdown_shows(refused.value, text)
    named = re.fullmatch(r"(.*): \d+ problems? found.*", refused.value, re.DOTALL)
    assert named and unescaped(named.group(1)) == []


# ---- Exports (the plan a session with that upload makes) -----------------------------------


@pytest.fixture(scope="module")
def plans(bands, assumptions, fx) -> Iterator[dict[str, object]]:
    """text -> the plan built on an upload carrying it, as the app builds it."""
    built = {}
    for _, text in CORPUS:
        report = validate_benchmarks(upload_csv(text), name=text + ".csv")
        assert report.table is not None, report.problems
        answers = Answers(problem_validation="proven", data_maturity="platform", live_models=2)
        built[text] = make_plan(
            answers, bands.overlay(report.table), assumptions, fx, start=date(2026, 1, 5)
        )
    yield built


@pytest.mark.parametrize("text", STRINGS)
def test_exports_carry_user_text_as_text(plans, text):
    """Markdown escapes it, the CSV keeps it formula-safe, JSON carries it as data, the slides
    as plain text."""
    plan = plans[text]
    document = plan_markdown(plan)
    sources = document.split("## Sources\n", 1)[1]
    assert_markdown_shows(sources, source_cell(text))
    for line in sources.splitlines():
        assert unescaped(line.removeprefix("- ")) == []
    spread = document.split("### What the simulation draws", 1)[1].split("\n\n", 1)[0]
    rows = [r for r in spread.splitlines() if "Upsource" in r]
    assert rows
    for row in rows:
        assert_markdown_shows(row, source_cell(text))
        assert row.count("|") - row.count("\\|") == 4  # three cells: the shape holds

    table = list(csv.reader(io.StringIO(cost_csv(plan))))
    for row in table:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert any(source_cell(text) in cell for row in table for cell in row)

    data = json.loads(plan_json(plan))
    assert {b["origin"] for b in data["bands"]} == {text + ".csv"}
    assert {b["source"] for b in data["bands"]} == {source_cell(text)}

    deck = Presentation(io.BytesIO(plan_pptx(plan)))
    footers = [
        shape.text_frame.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame and shape.text_frame.text.startswith("Sources: ")
    ]
    # Footers are one short line of publishers (cut to fit the slide); the full citation, as
    # plain text, is on the last slide and in the notes.
    assert footers and all(len(f) <= FOOTER_CHARS for f in footers)
    last = [sh.text_frame.text for sh in deck.slides[-1].shapes if sh.has_text_frame]
    assert any(one_line(source_cell(text))[:60] in t for t in last)
    notes = [s.notes_slide.notes_text_frame.text for s in deck.slides]
    assert any(clean(source_cell(text)) in n for n in notes)


@pytest.mark.parametrize("text", STRINGS)
def test_compared_scenarios_legend_is_text(plans, text):
    """Scenario names reach the compare chart escaped (app_pages/scenarios.py escapes them):
    the legend shows the name, no tag or template is read from it."""
    plan = plans[text]
    fig = compare_figure({html_text(text): plan, html_text("other " + text): plan})
    for trace in fig.data:
        assert visible(text, 20) in plotly_shows(trace.name)
        assert "%{fullData.name}" in trace.hovertemplate and text not in trace.hovertemplate


# ---- The job-description checker -----------------------------------------------------------


@pytest.mark.parametrize("text", STRINGS)
def test_pasted_posting_and_file_name_show_as_typed(text):
    """A pasted posting's lines are quoted as plain text (st.text, table cells); an upload's
    file name in the error is escaped."""
    line = "PhD required for PyTorch research: " + (text.splitlines() or [""])[0]
    at = AppTest.from_file(str(ROOT / "app_pages" / "hiring_kit.py"), default_timeout=TIMEOUT)
    at.run()
    posting = line + "\n" + text  # within the box's own limit
    at.text_area(key="kit.jd_text").input(posting if len(posting) <= MAX_JD_BYTES else line).run()
    assert not at.exception
    quoted = [t.value for t in at.text if t.value.startswith("Line 1: ")]
    assert quoted and visible(line) in quoted[0] and not INVISIBLE.search(quoted[0])
    (findings,) = [d.value for d in at.dataframe if "Quote" in d.value.columns]
    cell_shows(findings[findings["Line"] == "1"]["Quote"].iloc[0], line)
    (lines,) = [d.value for d in at.dataframe if "Kind of work" in d.value.columns]
    cell_shows(lines[lines["Line"] == 1]["Text"].iloc[0], line)
    for m in at.markdown:  # the cards are our own text: nothing of the posting in them
        assert visible(text, 12) not in m.value or visible(text, 12).isalnum()

    at.file_uploader(key="kit.jd_file").set_value((text + ".md", b"\x00\x01", "text/markdown"))
    at.run()
    assert not at.exception
    (refused,) = at.error
    assert_markdown_shows(refused.value, text)


# ---- Long input ----------------------------------------------------------------------------

LONG_POSTING_BYTES = 190_000  # within the box's own limit (MAX_JD_BYTES)


def long_posting() -> str:
    """Every line of the posting corpus that draws a finding, repeated to 190 kB: the worst
    long paste the corpus gives (about 3,000 findings)."""
    from planner.kit._lint import lint_text, load_lexicon

    lexicon = load_lexicon()
    lines = []
    for path in sorted((FIXTURES / "jds").glob("**/*.md")):
        text = path.read_text(encoding="utf-8").splitlines()
        found = {f.line for f in lint_text("\n".join(text), lexicon).findings if f.line}
        lines += [text[n - 1] for n in sorted(found)]
    out, size, i = [], 0, 0
    while size + len(lines[i % len(lines)].encode()) + 1 <= LONG_POSTING_BYTES:
        out.append(lines[i % len(lines)])
        size += len(out[-1].encode()) + 1
        i += 1
    return "\n".join(out) + "\n"


def test_a_long_posting_is_checked_and_drawn_as_a_few_dozen_elements():
    """A 190 kB posting: findings grouped by rule with counts, at most FIRST_SHOWN lines quoted,
    every finding in the table; a few dozen elements, not several per finding; quick."""
    import time

    posting = long_posting()
    assert LONG_POSTING_BYTES - 200 < len(posting.encode()) <= LONG_POSTING_BYTES <= MAX_JD_BYTES
    at = AppTest.from_file(str(ROOT / "app_pages" / "hiring_kit.py"), default_timeout=TIMEOUT)
    at.run()
    start = time.perf_counter()
    at.text_area(key="kit.jd_text").input(posting).run()
    seconds = time.perf_counter() - start
    assert not at.exception
    (findings,) = [d.value for d in at.dataframe if "Quote" in d.value.columns]
    assert len(findings) > 2_000
    summary = next(c.value for c in at.caption if " findings under " in c.value)
    rules = int(summary.split(" findings under ")[1].split(" rule")[0])
    assert summary.startswith(f"{len(findings)} findings under ")
    assert rules == findings["Rule"].nunique()
    quoted = sum(len(re.findall(r"^Line \d+: ", t.value, re.MULTILINE)) for t in at.text)
    assert 0 < quoted <= 50
    cards = [m.value for m in at.markdown if "**Try instead:**" in m.value]
    assert len(cards) == rules
    elements = sum(1 for _ in at.main)
    assert elements < 150, elements
    print(
        f"190 kB posting: {len(findings)} findings, {rules} rules, {elements} elements, "
        f"{seconds:.2f} s in AppTest"
    )
    assert seconds < 10
