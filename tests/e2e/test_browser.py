"""The app in a real browser: change an answer, see the diagnosis change, at two widths."""

from __future__ import annotations

import pytest
from PIL import Image  # a Streamlit dependency
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.e2e.server import CHART, COST_CHART, page_links

pytestmark = pytest.mark.e2e

HEADLINE = ".st-key-plan-diagnosis h3"
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


NEEDED_WIDTH_JS = """
async ([els, widestDate]) => {
  await document.fonts.ready;  // both sides measured in the page's own font
  return els.map((el) => {
    const style = getComputedStyle(el.querySelector("p") || el);
    if (!style.font) throw new Error("no font shorthand to copy: the probe would measure nothing");
    const probe = document.createElement("span");
    probe.style.font = style.font;
    probe.style.letterSpacing = style.letterSpacing;
    probe.style.position = "absolute";
    probe.style.whiteSpace = "nowrap";
    // A month and year: the widest month there is, as the date moves with the day of the run.
    const text = el.innerText.trim();
    probe.textContent = /^[A-Z][a-z]{2} \\d{4}$/.test(text) ? widestDate : text;
    document.body.appendChild(probe);
    const needed = probe.getBoundingClientRect().width;
    probe.remove();
    return [probe.textContent, needed, el.getBoundingClientRect().width];
  });
}
"""


_page_links = page_links


def _settle(page) -> None:
    page.wait_for_selector(IDLE, timeout=30_000)
    page.wait_for_selector(CHART, timeout=30_000)
    page.wait_for_timeout(400)  # charts draw after the script finishes


def _query(page, expected: str, *, part: bool = False) -> str:
    """The address's query once it is `expected` (with `part`: once it contains it), or as it
    is 5 s later (st.query_params: the run's last messages write it)."""
    try:
        page.wait_for_function(
            "([q, part]) => part ? location.search.includes(q) : location.search === q",
            arg=[expected, part],
            timeout=5_000,
        )
    except PlaywrightTimeoutError:
        pass
    return page.evaluate("() => window.location.search")


def _headline(page) -> str:
    return page.locator(HEADLINE).first.inner_text()


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_change_an_answer_and_see_the_diagnosis_change(
    browser, app_url, screenshots, width, height
):
    """Picking 'proven' with one live model turns the headline into brittle deployment."""
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(app_url)
        _settle(page)
        assert _headline(page) == "Weak problem validation"
        page.screenshot(path=screenshots / f"plan-default-{width}.png", full_page=True)
        chart = page.locator(COST_CHART)
        first_cost = chart.get_attribute("aria-label")
        assert "Cash in the first 12 months: $" in first_cost
        chart.evaluate("e => { e.dataset.mark = 'first'; }")  # gone if the chart is redrawn anew

        page.get_by_text("Repeatable — pipelines run and are trusted").click()
        _settle(page)
        page.get_by_text("Proven — a model already moves a business metric").click()
        _settle(page)
        page.get_by_text("Models in production: 0 live models").click()  # open the group
        live = page.get_by_role("spinbutton", name="Live models")
        live.fill("1")
        live.press("Enter")
        _settle(page)
        page.wait_for_function(
            f"() => document.querySelector('{HEADLINE}')?.innerText === 'Brittle deployment'",
            timeout=15_000,
        )
        assert "live_models=1" in _query(page, "live_models=1", part=True)
        assert page.locator("[data-testid='stException']").count() == 0
        # the same chart element, updated in place with the new plan's costs
        assert chart.count() == 1 and chart.get_attribute("aria-label") != first_cost
        assert chart.get_attribute("data-mark") == "first"
        page.set_viewport_size({"width": width, "height": 3200})
        page.wait_for_timeout(600)
        page.screenshot(path=screenshots / f"plan-brittle-{width}.png", full_page=True)
    finally:
        page.close()


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1280, 720)])
def test_presentation_figures_are_not_cut_off(browser, app_url, width, height):
    """Every headline figure of the presentation view shows whole, on a laptop screen too."""
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(f"{app_url}/?problem=proven&live_models=1&data_maturity=repeatable&view=present")
        _settle(page)
        # (text, width it needs, width it has): an ellipsis hides the difference from
        # scrollWidth, so the text is set once more in the same font, outside the layout.
        values = page.locator("[data-testid='stMetricValue']").element_handles()
        figures = page.evaluate(NEEDED_WIDTH_JS, [values, "May 2027"])  # May: the widest
        assert len(figures) == 4
        for text, needed, has in figures:
            assert needed <= has, f"{text!r} needs {needed:.1f} px, has {has:.1f} at {width} px"
    finally:
        page.close()


def test_the_page_links_move_between_pages_with_the_plan(browser, app_url):
    """Streamlit's page links (st.navigation in the sidebar) list every page in order and open
    one in this visit with the answers kept and in the address; Back returns to the Plan page
    as it was; the address opened in another tab shows the same plan."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    proven = "Proven — a model already moves a business metric"
    try:
        page.goto(app_url)
        _settle(page)
        links = _page_links(page)
        titles = links.all_inner_texts()
        expected = ["Plan", "Assumptions", "Scenarios", "Hiring kit", "Your data", "About the data"]
        assert [t for t in titles if t in expected] == expected
        page.get_by_text(proven).click()
        assert _query(page, "?problem=proven") == "?problem=proven"
        links.filter(has_text="About the data").click()
        page.wait_for_url("**/about_data?problem=proven")
        page.wait_for_selector(IDLE, timeout=30_000)
        assert page.locator("h1").first.inner_text() == "About the data"
        shared = context.new_page()  # the address, opened in another tab
        shared.goto(page.url.replace("/about_data", "/hiring_kit"))
        shared.wait_for_selector(IDLE, timeout=30_000)
        assert "brittle deployment" in shared.get_by_text("next likely failure").inner_text()
        shared.close()
        page.go_back()
        _settle(page)
        assert page.get_by_label(proven).is_checked()
        assert page.locator("[data-testid='stException']").count() == 0
    finally:
        context.close()


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_edit_an_assumption_and_see_the_plan_cost_move(
    browser, app_url, screenshots, width, height
):
    """A 30% agency fee on the Assumptions page raises the Plan page's cost and names the edit."""
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(app_url)
        _settle(page)
        before = _total(page)
        page.get_by_role("link", name="Edit assumptions").click()
        page.wait_for_selector("text=Reset all to defaults", timeout=30_000)
        page.wait_for_selector(IDLE, timeout=30_000)
        fee = page.get_by_role("spinbutton", name="Agency fee, share of first-year base (%)")
        fee.fill("30")
        fee.press("Enter")
        page.wait_for_selector("text=1 changed from the defaults", timeout=15_000)
        assert page.locator("[data-testid='stException']").count() == 0
        page.screenshot(path=screenshots / f"assumptions-{width}.png", full_page=True)
        page.get_by_role("link", name="Back to the plan").click()
        _settle(page)
        assert "agency_fee=0.3" in _query(page, "agency_fee=0.3", part=True)
        assert page.get_by_text("Costs use your values for Agency fee").count() == 1
        assert _total(page) > before
    finally:
        page.close()


def _total(page) -> float:
    """The 12-month cash total: the last cell of the 'Who to hire' table's last row."""
    cell = page.locator("[data-testid='stMarkdownContainer'] table tr").last.locator("td").last
    return float(cell.inner_text().strip("$").replace(",", ""))


@pytest.mark.parametrize(("width", "height"), [(1280, 1400), (390, 2400)])
def test_question_group_keeps_its_answer_when_closed_and_exports_download(
    browser, app_url, screenshots, width, height
):
    """Open 'Your ML team today', add a researcher, close it: the label and the plan keep
    the answer. The download menu then gives a Markdown file of that plan."""
    page = browser.new_page(viewport={"width": width, "height": height}, accept_downloads=True)
    try:
        page.goto(app_url)
        _settle(page)
        page.get_by_text("Your ML team today: none").click()
        researchers = page.get_by_role("spinbutton", name="Researchers")
        researchers.fill("1")
        researchers.press("Enter")
        page.get_by_text("Your ML team today: 1 researcher").wait_for(timeout=15_000)
        _settle(page)
        page.screenshot(path=screenshots / f"plan-team-open-{width}.png")
        page.get_by_text("Your ML team today: 1 researcher").click()  # close the group
        _settle(page)
        assert page.get_by_role("spinbutton", name="Researchers").count() == 0
        assert "have_researchers=1" in _query(page, "have_researchers=1", part=True)
        page.get_by_text("Take it to the meeting").click()
        with page.expect_download() as download:
            page.get_by_role("button", name="Markdown", exact=True).click()
        text = download.value.path().read_text()
        assert "| 1 | Model developer |" in text and "Model researcher |" not in text
        assert page.locator("[data-testid='stException']").count() == 0
    finally:
        page.close()


def test_cost_chart_downloads_as_a_png_for_slides(browser, app_url, tmp_path):
    """Streamlit's chart toolbar saves the cost chart as a PNG at twice its size, opaque."""
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    try:
        page.goto(app_url)
        _settle(page)
        chart = page.locator(COST_CHART)
        chart.hover()
        with page.expect_download() as download:
            page.get_by_role("button", name="Download as PNG").click()
        png = tmp_path / "chart.png"
        download.value.save_as(png)
        box = chart.bounding_box()
        with Image.open(png) as image:
            assert image.format == "PNG"
            assert image.size == (round(box["width"] * 2), round(box["height"] * 2))
            assert image.convert("RGBA").getpixel((2, image.height // 2)) == (255, 255, 255, 255)
    finally:
        page.close()


def test_the_address_follows_the_answers(browser, app_url):
    """The share link is in the address after each answer (st.query_params), a rerun leaves it
    as it is, a reload restores the plan, and another page keeps the plan's query."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    proven = "Proven — a model already moves a business metric"
    exploring = "Exploring — not yet sure"
    try:
        page.goto(app_url)
        _settle(page)
        page.keyboard.press("r")  # Streamlit's rerun key
        _settle(page)
        assert _query(page, "") == ""
        page.get_by_text(proven).click()
        assert _query(page, "?problem=proven") == "?problem=proven"
        page.get_by_text(exploring).click()
        assert _query(page, "") == ""
        page.get_by_text(proven).click()
        assert _query(page, "?problem=proven") == "?problem=proven"
        page.reload()
        _settle(page)
        assert _headline(page) == "Brittle deployment"
        _page_links(page).filter(has_text="About the data").click()
        page.wait_for_url("**/about_data*")
        assert _query(page, "?problem=proven") == "?problem=proven"
    finally:
        page.close()


def test_the_page_asks_nothing_of_other_hosts(browser, app_url):
    """Opening the Plan page and answering loads everything from the app itself: no fonts,
    icons or scripts from elsewhere (a user's browser tells no third party it is here, and
    the app works offline)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(app_url)
        _settle(page)
        page.get_by_text("Proven — a model already moves a business metric").click()
        _settle(page)
        elsewhere = [
            url for url in requested if not url.startswith((app_url, "data:", "blob:", "ws://"))
        ]
        assert requested and elsewhere == []
    finally:
        page.close()
