"""Links keep their answers on every page (ui/state.py): a page opened from a share link shows
the plan the link describes, and the address carries that plan's link on every page."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from tests.app.helpers import address as _address
from tests.conftest import ROOT
from ui.data import UPLOAD_KEY, shipped_data
from ui.state import UPLOAD_NOT_IN_LINK, search

APP = str(ROOT / "app.py")
TIMEOUT = 30
LINK = {"location": "berlin", "currency": "EUR", "problem": "proven", "agency_fee": "0.25"}
PAGES = ["app_pages/assumptions.py", "app_pages/scenarios.py", "app_pages/hiring_kit.py"]


def _open(page: str, link: dict[str, str]) -> AppTest:
    """The app at `page` with `link` in its address, as a colleague opening the link sees it."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in link.items():
        at.query_params[key] = value
    return at.switch_page(page).run()


def _change_page(at: AppTest, page: str) -> AppTest:
    """A click on a page link: the browser drops the query string as the page changes."""
    at.switch_page(page)
    for key in list(at.query_params):
        del at.query_params[key]
    return at.run()


@pytest.mark.parametrize("page", PAGES)
def test_a_link_to_any_page_restores_the_plan_and_keeps_it_in_the_address(page):
    """Every page opened from a link holds the link's answers and assumptions, and its address
    is the same link (not the page's bare path)."""
    at = _open(page, LINK)
    assert not at.exception
    assert at.session_state["plan.location"] == "berlin"
    assert at.session_state["plan.currency"] == "EUR"
    assert at.session_state["plan.problem_validation"] == "proven"
    assert at.session_state["plan.a.agency_fee"] == 25.0
    assert _address(at) == LINK
    for other in ["app_pages/plan.py", "app_pages/about_data.py"]:  # moving on keeps it
        _change_page(at, other)
        assert not at.exception
        assert _address(at) == LINK, other


def test_the_hiring_kit_from_a_link_prices_in_the_links_currency_and_market():
    """/hiring_kit?location=berlin&currency=EUR shows euros and the Berlin market, not the
    shipped defaults (issue 24)."""
    at = _open("app_pages/hiring_kit.py", {"location": "berlin", "currency": "EUR"})
    text = " ".join(m.value for m in at.markdown)
    assert "€" in text and "Berlin" in text
    assert "$" not in text.split("Pay:")[1][:40]  # the job description's pay line is in euros


def test_the_assumptions_page_from_a_link_shows_the_links_values():
    at = _open("app_pages/assumptions.py", LINK)
    fee = next(n for n in at.number_input if n.key == "plan.a.agency_fee")
    assert fee.value == 25.0
    assert any("€" in m.value for m in at.metric)


def test_the_address_follows_answers_across_pages():
    """An answer on the Plan page is in the address there and on the next page opened."""
    at = _open("app_pages/plan.py", {})
    assert _address(at) == {}
    at.radio(key="plan.problem_validation").set_value("proven").run()
    assert _address(at) == {"problem": "proven"}
    _change_page(at, "app_pages/hiring_kit.py")
    assert not at.exception
    assert _address(at) == {"problem": "proven"}
    assert "brittle deployment" in at.caption[0].value


def test_present_1_opens_the_slide_and_the_address_keeps_it():
    at = _open("app_pages/plan.py", {"problem": "proven", "present": "1"})
    assert not at.exception
    assert at.session_state["plan.present"] is True
    assert len(at.radio) == 0  # the slide, not the questions
    assert _address(at) == {"problem": "proven", "present": "1"}
    at.button(key="plan.present_off").click().run()
    assert _address(at) == {"problem": "proven"}
    assert at.radio(key="plan.problem_validation").value == "proven"


def test_a_link_to_another_page_with_present_1_opens_the_slide():
    at = _open("app_pages/hiring_kit.py", {"present": "1"})
    assert not at.exception
    assert at.session_state["plan.present"] is True
    assert any(t.value.startswith("Hire ") for t in at.title)


def test_uploaded_bands_are_named_as_left_out_of_the_link():
    """With an upload in the session, every page says the link does not carry it."""
    at = _open("app_pages/plan.py", {})
    assert not [i for i in at.info if i.value == UPLOAD_NOT_IN_LINK]
    at.session_state[UPLOAD_KEY] = ("bands.csv", 3, shipped_data()[0])  # as Your data keeps it
    for page in ["app_pages/plan.py", *PAGES]:
        _change_page(at, page)
        assert [i for i in at.info if i.value == UPLOAD_NOT_IN_LINK], page


def test_the_default_plan_has_a_bare_address():
    assert search({}) == ""
    assert search({"problem": "proven", "present": "1"}) == "?problem=proven&present=1"


@given(st.dictionaries(st.text(min_size=1), st.text(), max_size=6))
def test_any_link_is_one_query_that_reads_back_as_itself(link):
    """Whatever the values hold (&, #, /, spaces, any script), they stay inside the query part:
    no path, fragment or second parameter can come out of a value."""
    text = search(link)
    parts = urlsplit("http://host/page" + text)
    assert parts.path == "/page" and parts.fragment == "" and parts.netloc == "host"
    assert dict(parse_qsl(parts.query, keep_blank_values=True)) == link
