"""The Roadmap page in a real browser: a milestone (from a link) changes the stage and the
reqs, at two widths; the link's milestone shows in the table and stays in the address."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from tests.e2e.server import CHART

pytestmark = pytest.mark.e2e

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
MILESTONE = "Q3:data_maturity=repeatable,problem=proven,live_models=1"


def _settle(page) -> None:
    page.wait_for_selector(IDLE, timeout=60_000)
    page.wait_for_selector(CHART, timeout=60_000)
    page.wait_for_timeout(600)  # charts draw after the script finishes


def _stage_text(page) -> str:
    return page.locator("[data-testid='stPlotlyChart']").first.inner_text()


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_add_a_milestone_and_see_the_stage_and_reqs_change(
    browser, app_url, screenshots, width, height
):
    """Q3: a first model live on repeatable data adds the operator req and the chart's title
    counts it; no error on the page, and the address keeps the milestone."""
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(f"{app_url}/roadmap")
        _settle(page)
        title = page.locator(".gtitle").first
        assert (title.text_content() or "").startswith("2 reqs")
        page.screenshot(path=screenshots / f"roadmap-default-{width}.png", full_page=True)

        # A milestone as a shared link carries it (the table's own editing is driven in
        # tests/app/test_roadmap_page.py: the grid is a canvas Playwright cannot type into).
        page.goto(f"{app_url}/roadmap?{urlencode({'ms': MILESTONE})}")
        page.wait_for_function(
            "() => document.querySelector('.gtitle')?.textContent.startsWith('3 reqs')",
            timeout=60_000,
        )
        _settle(page)
        assert page.locator("[data-testid='stException']").count() == 0
        assert page.get_by_text("Brittle deployment").count() >= 1
        assert "ms=Q3" in page.url
        page.set_viewport_size({"width": width, "height": 3600})
        page.wait_for_timeout(800)
        page.screenshot(path=screenshots / f"roadmap-milestone-{width}.png", full_page=True)
    finally:
        page.close()
