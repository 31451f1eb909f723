"""The presentation view is the slide (issue 24): at the two sizes a meeting shares, it fills
the 16:9 window with the decision, its reason, the figures and the sources, and nothing else."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
# Two hires, so the slide has its table and both charts.
LINK = "?live_models=1&problem=proven&data_maturity=repeatable&present=1"
SIZES = [(1920, 1080), (1280, 720)]

# The slide's box, and every visible element of the main area that reaches outside the window
# (the way out, below the slide, excepted); the page links, if any are shown.
FRAME_JS = """
() => {
  const slide = document.querySelector(".st-key-slide").getBoundingClientRect();
  const exit = document.querySelector(".st-key-plan-present_off");
  const main = document.querySelector("[data-testid='stMain']");
  const outside = [...main.querySelectorAll("[data-testid='stElementContainer']")]
    .filter((el) => !(exit && exit.contains(el)) && !el.contains(exit))
    .filter((el) => el.offsetParent !== null)
    .map((el) => [el.getBoundingClientRect(), el.innerText.slice(0, 40)])
    .filter(([r]) => r.height > 0 && (r.bottom > innerHeight + 1 || r.right > innerWidth + 1
                                      || r.top < 0 || r.left < 0))
    .map(([, text]) => text);
  return {
    top: slide.top, bottom: slide.bottom, height: slide.height, width: slide.width,
    outside,
    links: document.querySelectorAll("[data-testid='stTopNavLink'], "
      + "[data-testid='stSidebarNavLink'], [data-testid='stPageLink-NavLink']").length,
    exitBelow: exit ? exit.getBoundingClientRect().top >= innerHeight : null,
  };
}
"""


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_slide_fills_the_window_with_nothing_else_in_it(
    browser, app_url, screenshots, width, height
):
    """The slide's box is at least 85% of the window's height, every element of it is inside
    the window, no page link is on screen, and the way out sits below the window. Both sizes
    are screenshotted into artifacts/screenshots/ to be looked at."""
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(app_url + "/" + LINK)
        page.wait_for_selector(".st-key-slide [data-testid='stPlotlyChart'] .main-svg")
        page.wait_for_selector(IDLE)
        page.wait_for_timeout(800)  # plotly lays out to its box after the script ends
        page.screenshot(path=str(screenshots / f"presentation-{width}x{height}.png"))
        frame = page.evaluate(FRAME_JS)
        assert frame["height"] >= 0.85 * height, frame
        assert frame["bottom"] <= height + 1 and frame["width"] <= width, frame
        assert frame["outside"] == [], frame
        assert frame["links"] == 0, frame
        assert frame["exitBelow"] is True, frame
        title = page.locator(".st-key-slide h1").inner_text()
        assert title.startswith("Hire a model developer, then a model operator — $")
        assert title.endswith("cash in the next 12 months")
        sources = page.locator(".st-key-slide [data-testid='stCaptionContainer']").last
        assert sources.inner_text().startswith("Sources: ")
        assert sources.bounding_box()["height"] < 40  # one line
    finally:
        page.close()


def test_the_way_out_restores_the_page_and_its_links(browser, app_url):
    """Exit presentation (below the slide) brings back the questions and the page links, and
    the address drops present=1."""
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        page.goto(app_url + "/" + LINK)
        page.wait_for_selector(".st-key-slide")
        page.get_by_role("button", name="Exit presentation").click()
        page.wait_for_selector("[data-testid='stSidebarNavLink']", state="attached")
        page.wait_for_function("() => !location.search.includes('present')")
        assert "problem=proven" in page.evaluate("() => location.search")
        assert page.get_by_role("button", name="Presentation view").is_visible()
    finally:
        page.close()


ROADMAP_LINK = "roadmap?" + "&".join(
    (
        "present=1",
        "ms=Q3%3Adata_maturity%3Drepeatable%2Cproblem%3Dproven%2Clive_models%3D1",
    )
)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_roadmap_slide_fills_the_window_too(browser, app_url, screenshots, width, height):
    """A Roadmap link with present=1 opens the roadmap's slide (not the plan's): the reqs and
    the cash, the stage's change as the reason, inside the window, no page links."""
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(app_url + "/" + ROADMAP_LINK)
        page.wait_for_selector(".st-key-slide [data-testid='stPlotlyChart'] .main-svg")
        page.wait_for_selector(IDLE)
        page.wait_for_timeout(800)
        page.screenshot(path=str(screenshots / f"roadmap-presentation-{width}x{height}.png"))
        frame = page.evaluate(FRAME_JS)
        assert frame["height"] >= 0.85 * height, frame
        assert frame["outside"] == [] and frame["links"] == 0, frame
        assert frame["exitBelow"] is True, frame
        title = page.locator(".st-key-slide h1").inner_text()
        assert title.startswith("Open 3 reqs over 8 quarters — $"), title
        assert "brittle deployment from Q3" in page.locator(".st-key-slide").inner_text()
    finally:
        page.close()
