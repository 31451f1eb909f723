"""The Plan page through Streamlit's AppTest: defaults, answer changes, hostile links."""

from __future__ import annotations

import re

import plotly.io as pio
import pytest
from streamlit.testing.v1 import AppTest

from planner.render._chart_style import FONT
from tests.app.helpers import address, cost_chart, mix_hires, mix_rows, mix_total, open_groups
from tests.app.helpers import headline as _headline
from tests.conftest import ROOT

PAGE = str(ROOT / "app.py")  # Plan is the default page; its links need the navigation
TIMEOUT = 30  # the first run imports plotly and pandas; CI machines are slow


def _page(**query: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def test_defaults_render_without_exception():
    """With no answers, the page shows the first-rung diagnosis, the mix and the cost chart;
    opening "Where these numbers come from" lists the sources."""
    at = _page()
    assert not at.exception
    assert _headline(at) == "Weak problem validation"
    # the Cost section: the cost breakdown, one ECharts chart updated in place (no plotly)
    chart = cost_chart(at)
    assert chart["title"][0]["text"].startswith("Cash in the first 12 months: $")
    assert not at.get("plotly_chart")
    assert not any("BLS OEWS May 2024" in c.value for c in at.caption)  # drawn only when open
    at.session_state["plan.open.sources"] = True
    at.run()
    assert any("BLS OEWS May 2024" in c.value for c in at.caption)


@pytest.mark.parametrize(
    ("section", "charts"),
    [
        ("Market pay", 1),
        ("How sure", 2),
        ("All-in-one req", 0),
        ("Quarter plan", 1),
        ("Cost drivers", 1),
    ],
)
def test_each_section_renders(section, charts):
    """Every results section renders its charts without an exception."""
    at = _page()
    at.radio(key="plan.section").set_value(section).run()
    assert not at.exception
    assert len(at.get("plotly_chart")) == charts


@pytest.mark.parametrize(
    ("changes", "headline"),
    [
        ({"plan.problem_validation": "proven", "plan.data_maturity": "repeatable",
          "plan.live_models": 1}, "Brittle deployment"),
        ({"plan.problem_validation": "validated", "plan.data_maturity": "repeatable"},
         "Brittle deployment"),
        ({"plan.problem_validation": "proven", "plan.data_maturity": "platform",
          "plan.live_models": 3, "plan.products": 3, "plan.regions": 2},
         "Operational complexity"),
    ],
)  # fmt: skip
def test_changing_answers_moves_the_diagnosis(changes, headline):
    """Setting the widgets a user would set moves the headline to the expected failure."""
    at = open_groups(_page(), "scale")
    for key, value in changes.items():
        widget = at.radio(key=key) if "maturity" in key or "validation" in key else None
        if widget is None:
            widget = at.number_input(key=key)
        widget.set_value(value)
    at.run()
    assert not at.exception
    assert _headline(at) == headline


def test_existing_team_changes_the_mix():
    """Adding a researcher to the team removes the researcher hire from the table and
    names the team in the group's label."""
    at = open_groups(_page(), "team")
    at.number_input(key="plan.have_researchers").set_value(1).run()
    assert [title for title, _ in mix_hires(at)] == ["Model developer"]
    assert "Your ML team today: 1 researcher" in [e.label for e in at.expander]
    (mix,) = [
        m.value
        for m in at.markdown
        if "What this stage needs and who is on the team now — " in m.value
    ]
    assert "model researchers: 1 needed, 1 on the team" in mix


def test_planned_operator_req_is_called_premature():
    """Choosing an MLOps req at the first rung shows the 'premature' warning."""
    at = open_groups(_page(), "market")
    at.selectbox(key="plan.planned_req").set_value("operator").run()
    assert any(w.value.startswith("Premature") for w in at.warning)


def test_market_chart_marks_the_offer():
    """The market chart has a band per hired archetype and the offer at the chosen percentile."""
    at = _page(percentile="75")
    at.radio(key="plan.section").set_value("Market pay").run()
    fig = pio.from_json(at.get("plotly_chart")[0].proto.spec)
    box, offers = fig.data
    assert len(box.y) == 2
    # Senior bands (median at the all-levels P75); the P75 of each in data/benchmarks.csv:
    # researcher (SOC 15-1221, log-normal fill) 206,358, developer 190,447; x 1.125 (Compa).
    assert list(offers.x) == pytest.approx([206_358 * 1.125, 190_447 * 1.125])


def test_the_address_follows_each_answer():
    """The page keeps the plan's share link in st.query_params: each answer changes it, and a
    rerun with nothing changed leaves it as it is."""
    at = _page()
    assert address(at) == {}
    at.radio(key="plan.problem_validation").set_value("proven").run()
    assert address(at) == {"problem": "proven"}
    at.radio(key="plan.problem_validation").set_value("exploring").run()
    assert address(at) == {}
    at.run()
    assert address(at) == {}


def test_link_restores_answers():
    """Query parameters seed the answers, and the page writes non-default answers back."""
    at = _page(data_maturity="repeatable", problem="proven", live_models="1")
    assert _headline(at) == "Brittle deployment"
    assert at.radio(key="plan.data_maturity").value == "repeatable"
    assert address(at)["live_models"] == "1"


@pytest.mark.parametrize(
    "query",
    [
        {"live_models": "-4"},
        {"products": "0", "regions": "lots"},
        {"budget": "inf", "percentile": "1e99"},
        {"planned_req": "<script>alert(1)</script>"},
        {"data_maturity": "' OR 1=1 --", "problem": "\x00"},
        {"x" * 500: "y" * 5000},
        {"have_researchers": "99999999999999999999999"},
    ],
)
def test_hostile_query_parameters_never_raise(query):
    """Junk in the URL falls back to defaults with a visible note; the page still plans."""
    at = _page(**query)
    assert not at.exception
    assert _headline(at) == "Weak problem validation"
    assert any("were ignored" in i.value for i in at.info)


def test_about_data_page_renders():
    """The data page lists bands and assumptions with their sources."""
    at = AppTest.from_file(str(ROOT / "app_pages" / "about_data.py"), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    # series, locations, bands, assumptions, on-costs, time to start, FX, scores, gates, the
    # case book
    assert len(at.dataframe) == 10
    assert len(at.dataframe[-1].value) >= 30  # the case book
    locations = at.dataframe[1].value  # one factor per archetype, with its own source
    bay = locations[locations["Market"] == "San Francisco Bay Area"]
    assert set(bay["Archetype"]) == {"researcher", "developer", "operator"}
    assert set(bay["Factor"]) == {1.3544}
    assert "BLS OEWS May 2021" in " ".join(bay["Factor source"])
    oncosts = at.dataframe[4].value
    assert {
        "Social Security (OASDI), employer share",
        "Employer Class 1 National Insurance",
    } <= set(oncosts["Component"])
    assert set(oncosts["Source"].str.len()) and oncosts["Source"].str.len().min() > 3
    times = at.dataframe[5].value
    assert set(times["Country"]) >= {"United States", "United Kingdom", "Germany", "Canada"}
    at.selectbox(key="about.location").set_value("london").run()
    bands = at.dataframe[2].value
    assert len(bands) == 12 and set(bands["currency"]) == {"GBP"}


def test_app_entry_point_runs():
    """app.py sets up navigation and runs the default page."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert _headline(at) == "Weak problem validation"


def test_answers_survive_a_visit_to_another_page():
    """Going to 'About the data' and back keeps every answer the user gave, including one in
    a question group that is closed on the way back."""
    at = open_groups(AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run(), "team")
    at.number_input(key="plan.have_researchers").set_value(2).run()
    at.radio(key="plan.problem_validation").set_value("validated").run()
    at.switch_page("app_pages/about_data.py").run()
    assert not at.exception
    at.switch_page("app_pages/plan.py").run()
    assert at.radio(key="plan.problem_validation").value == "validated"
    assert "Your ML team today: 2 researchers" in [e.label for e in at.expander]
    assert [title for title, _ in mix_hires(at)] == ["Model developer"]
    open_groups(at, "team")
    assert at.number_input(key="plan.have_researchers").value == 2


def test_share_link_restores_assumptions_rates_and_presentation():
    """A link with an edited fee, a rate and view=present (the older form of present=1) opens
    exactly that state; the address then says present=1."""
    at = _page(location="london", currency="USD", agency_fee="0.25", usd_per_gbp="1.25",
               view="present")  # fmt: skip
    assert not at.exception
    assert at.session_state["plan.present"] is True
    assert at.session_state["plan.a.agency_fee"] == 25.0
    assert at.session_state["plan.fx.GBP"] == 1.25
    assert address(at)["agency_fee"] == "0.25" and address(at)["present"] == "1"
    assert any(m.value.startswith("**Why: the next likely failure is") for m in at.markdown)


def test_presentation_table_speaks_the_slide_short_form():
    """The presentation view's hire table gives each hire's cash in the first 12 months as its
    headline figures do ($221k, not $220,916), and the hires add up to the headline total
    within the rounding."""
    at = _page(live_models="1", problem="proven", data_maturity="repeatable", view="present")
    assert not at.exception
    table = at.dataframe[0].value
    cells = list(table["Cash, 12 months"])
    assert len(cells) == 2 and all(re.fullmatch(r"\$\d+k", cell) for cell in cells)
    total = next(m for m in at.metric if m.label == "Cash, next 12 months").value
    assert re.fullmatch(r"\$\d+k", total)
    thousands = [int(cell[1:-1]) for cell in cells]
    assert abs(sum(thousands) - int(total[1:-1])) <= len(cells)


def test_presentation_view_hides_the_questions():
    """Switching the view on removes the questionnaire and keeps the answers."""
    at = _page(live_models="1", problem="proven", data_maturity="repeatable")
    at.button(key="plan.present_on").click().run()
    assert not at.exception
    assert len(at.radio) == 0
    at.button(key="plan.present_off").click().run()
    assert at.radio(key="plan.problem_validation").value == "proven"


def _elements(node) -> int:
    """Every element and block under `node`, itself included."""
    children = getattr(node, "children", None) or {}
    return 1 + sum(_elements(child) for child in children.values())


def test_default_view_stays_within_its_element_budget():
    """Each element is a message and a re-render on every rerun (bench/results.md): the
    default view of the Plan page sends at most 25, closed groups counting one each."""
    at = _page()
    assert _elements(at.main) <= 25
    open_groups(at, "scale", "team", "market", "pay")
    assert _elements(at.main) > 25  # the groups' widgets are drawn only when open


@pytest.mark.parametrize(
    "path", ["app_pages/plan.py", "app_pages/scenarios.py", "app_pages/about_data.py"]
)
def test_every_page_opens_from_streamlits_navigation(path):
    """app.py registers the pages with st.navigation (the links are Streamlit's own, at the
    top); each opens in the same session without an error."""
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT).run()
    at.switch_page(path).run()
    assert not at.exception


def test_mix_table_ends_with_the_total_and_states_the_run_rate():
    """The 'Who to hire' table's last row is the sum of the hires above it (to the dollar of
    rounding), for the cash in the first 12 months and for the cash a year once hired, and the
    cost of the search (not cash) follows in the same element.

    A senior developer and a senior operator (one band, US national): each 190,125 base +
    31,106.56 on-costs = 221,231.56 a year; in the first 12 months 221,231.56 x 301.95 /
    365.25 + the 38,025 fee = 220,915.82 (tests/planner/costing/test_costs.py). The search: interviews
    8,472.12 + ramp-up 23,765.63 each, 2 x 32,237.75 = 64,475.49."""
    at = _page(live_models="1", problem="proven", data_maturity="repeatable")
    rows = mix_rows(at)
    hires = [float(row[-1].lstrip("\\$").replace(",", "")) for row in rows]
    yearly = [float(row[-2].lstrip("\\$").replace(",", "")) for row in rows]
    assert hires == [220_916, 220_916] and yearly == [221_232, 221_232]
    assert mix_total(at) == 441_832  # 2 x 220,915.82 = 441,831.63
    assert abs(mix_total(at) - sum(hires)) <= len(hires)  # each cell is rounded to $1
    text = next(m.value for m in at.markdown if m.value.startswith("### Who to hire"))
    total_row = next(line for line in text.splitlines() if "**Total**" in line)
    assert "\\$442,463" in total_row  # 2 x 221,231.56 a year once hired
    assert (
        "the cost of the search (interviewer time, output lost while ramping up, the empty "
        "seat), **\\$64,475**." in text
    )


def test_scale_group_says_its_answers():
    """The closed 'Models in production' group names the counts a link set."""
    at = _page(live_models="3", products="2")
    assert "Models in production: 3 live models · 2 products · 1 region" in [
        e.label for e in at.expander
    ]


def test_a_closed_group_keeps_its_answers_in_the_plan():
    """Answers given in a group still drive the plan after the group is closed and other
    answers change."""
    at = open_groups(_page(), "team", "pay")
    at.number_input(key="plan.have_researchers").set_value(1)
    at.number_input(key="plan.pay_percentile").set_value(75).run()
    at.session_state["plan.open.team"] = False
    at.session_state["plan.open.pay"] = False
    at.run()
    at.radio(key="plan.data_maturity").set_value("repeatable").run()
    assert not at.exception
    assert [title for title, _ in mix_hires(at)] == ["Model developer"]
    assert address(at)["percentile"] == "75"
    labels = [e.label for e in at.expander]
    assert "Your ML team today: 1 researcher" in labels
    assert any(label.startswith("Pay and budget: P75 offers") for label in labels)


def test_exports_are_offered_when_the_menu_opens():
    """The download menu draws its buttons only when opened (the files are built on
    click; tests/planner test their content and the browser test downloads one)."""
    at = _page()
    assert len(at.get("download_button")) == 0
    at.session_state["plan.open.export"] = True
    at.run()
    assert not at.exception
    assert [b.proto.label for b in at.get("download_button")] == [
        "Slides (.pptx)",
        "Excel workbook (.xlsx)",
        "Markdown",
        "JSON",
        "Hires (CSV)",
        "Quarters (CSV)",
    ]


def test_cost_chart_is_updated_in_place_when_the_plan_changes():
    """A changed plan changes the cost chart's option but not its identity, so the browser
    updates the chart instead of drawing a new one (bench/results.md)."""
    at = _page()
    before, chart_id = cost_chart(at), at.get("echarts_chart")[0].proto.id
    assert chart_id.endswith("-plan.chart.cost")  # keyed: the id is the key's, not the option's
    at.radio(key="plan.problem_validation").set_value("proven").run()
    after = cost_chart(at)
    assert after["title"][0]["text"] != before["title"][0]["text"]
    assert at.get("echarts_chart")[0].proto.id == chart_id


@pytest.mark.parametrize("section", ["Market pay", "How sure", "Quarter plan", "Cost drivers"])
def test_plotly_charts_carry_our_look_not_streamlits_theme(section):
    """Plotly charts are sent with Streamlit's theme off and our template inside the figure:
    the browser does not restyle them on each redraw, and no placeholder colour of
    Streamlit's template (#0000xx) can show."""
    at = _page()
    at.radio(key="plan.section").set_value(section).run()
    assert at.get("plotly_chart")
    for chart in at.get("plotly_chart"):
        assert chart.proto.theme == ""
        fig = pio.from_json(chart.proto.spec)
        assert fig.layout.template.layout.font.family == FONT
        assert "#0000" not in chart.proto.spec


def test_how_sure_says_why_the_simulated_median_differs_from_the_plan():
    """A median below the plan's 12-month cash is explained where it is shown, with both
    figures, so a reader is not left with two unexplained totals."""
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    at.query_params.update(
        {"data_maturity": "repeatable", "problem": "proven", "live_models": "3", "products": "2",
         "have_researchers": "1", "have_developers": "2", "location": "london"}
    )  # fmt: skip
    at.run()
    at.radio(key="plan.section").set_value("How sure").run()
    (why,) = [c.value for c in at.caption if "simulated median" in c.value]
    assert "sits below the plan's £137,065" in why and "start pay later" in why
