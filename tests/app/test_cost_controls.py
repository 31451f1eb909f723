"""The cost-model controls (Plan and Assumptions pages): each one moves what it should."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.helpers import address, cost_chart, mix_hires, mix_total, open_groups
from tests.conftest import ROOT

PAGE = str(ROOT / "app.py")  # Plan is the default page; its links need the navigation
ASSUMPTIONS = "app_pages/assumptions.py"


def _page(section: str = "Cost") -> AppTest:
    at = open_groups(AppTest.from_file(PAGE, default_timeout=30).run(), "pay")
    if section != "Cost":
        at.radio(key="plan.section").set_value(section).run()
    return at


def _edited(section: str = "Cost", **values: float) -> AppTest:
    """The whole app: edit assumptions on their page, then come back to the Plan page."""
    at = AppTest.from_file(PAGE, default_timeout=30).run()
    at.switch_page(ASSUMPTIONS).run()
    for key, value in values.items():
        at.number_input(key=key).set_value(value)
    at.run()
    assert not at.exception
    at.switch_page("app_pages/plan.py").run()
    if section != "Cost":
        at.radio(key="plan.section").set_value(section).run()
    return at


def _metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def _money(text: str) -> float:
    return float(text.lstrip("$£€CA").replace(",", ""))


def test_higher_percentile_raises_p50_and_p90():
    """Moving offers from P50 to P75 raises both simulated percentiles of 12-month cash."""
    at = _page("How sure")
    p50, p90 = (
        _money(_metric(at, "Cash in the first 12 months, P50")),
        _money(_metric(at, "Cash in the first 12 months, P90")),
    )
    at.number_input(key="plan.pay_percentile").set_value(75).run()
    assert _money(_metric(at, "Cash in the first 12 months, P50")) > p50
    assert _money(_metric(at, "Cash in the first 12 months, P90")) > p90


def test_same_seed_same_numbers_new_seed_new_numbers():
    """Rerunning with the same seed repeats the P50; another seed moves it a little."""
    at = _page("How sure")
    first = _metric(at, "Cash in the first 12 months, P50")
    at.run()
    assert _metric(at, "Cash in the first 12 months, P50") == first
    edited = _edited("How sure", **{"plan.seed": 7})
    assert _metric(edited, "Cash in the first 12 months, P50") != first


def test_small_budget_names_the_hires_outside_it():
    """A budget that covers one hire's cash in the first 12 months (236,319.89 of 457,235.71,
    tests/planner/costing/test_costs.py) says which hire falls outside."""
    at = _page()
    at.number_input(key="plan.budget").set_value(300_000.0).run()
    warning = next(w.value for w in at.warning if w.value.startswith("Over budget"))
    assert "The first hire fits; #2 model developer falls outside" in warning


def test_empty_seat_cost_appears_in_the_cost_of_the_search_not_in_the_cash():
    """A cost per empty month is not cash: the cash chart keeps its parts and its total, and
    the cost of the search under the 'Who to hire' table grows by 20,000 a month for each
    seat until its first day: 2 x 20,000 x 63.3 / (365.25 / 12) = 83,186.86."""
    page = _page()
    before = cost_chart(page)
    search_before = _search_cost(page)
    at = _edited(**{"plan.a.empty_seat_per_month": 20_000.0})
    after = cost_chart(at)
    assert [s["name"] for s in after["series"]] == [s["name"] for s in before["series"]]
    assert "Empty seat" not in [s["name"] for s in after["series"]]
    assert after["title"][0]["text"] == before["title"][0]["text"]
    assert mix_total(at) == mix_total(page)
    assert _search_cost(at) - search_before == pytest.approx(83_186.86, abs=1)


def _search_cost(at: AppTest) -> float:
    """The cost of the search stated under the 'Who to hire' table."""
    text = next(m.value for m in at.markdown if m.value.startswith("### Who to hire"))
    amount = text.split("the cost of the search")[1].split("**")[1]
    return float(amount.replace("\\", "").lstrip("$").replace(",", ""))


def test_level_override_prices_every_hire_at_that_level():
    """'Mid' for every hire lowers the cash in the first 12 months."""
    at = _page()
    before = mix_total(at)
    at.selectbox(key="plan.level").set_value("mid").run()
    assert mix_total(at) < before
    assert [level for _, level in mix_hires(at)] == ["mid", "mid"]


def test_generalist_comparison_is_one_plain_sentence():
    """The all-in-one comparison is stated in one sentence with both options in a table."""
    at = _page("All-in-one req")
    sentence = next(i.value for i in at.info if i.value.startswith("One all-in-one"))
    assert sentence.count(".") == 1 and "later than with a focused model researcher req" in sentence


def test_inputs_stop_at_the_models_own_limits():
    """Time an agency saves stops at 90% (the limit in planner/market/_benchmarks.py): the widget's max
    is that limit, so nothing out of range can be entered, and the limit itself is priced."""
    at = AppTest.from_file(PAGE, default_timeout=30).run()
    at.switch_page(ASSUMPTIONS).run()
    speedup = at.number_input(key="plan.a.agency_speedup")
    assert speedup.max == 90
    speedup.set_value(90.0).run()
    assert not at.exception and not at.error
    assert at.number_input(key="plan.a.agency_speedup").value == 90.0  # the entry stays
    at.switch_page("app_pages/plan.py").run()
    assert not at.exception
    assert not any("were not applied" in w.value for w in at.warning)


def test_edits_show_on_the_plan_page_survive_and_reset():
    """An edited fee is named on the Plan page, priced, kept across pages, and reset."""
    at = AppTest.from_file(PAGE, default_timeout=30).run()
    before = mix_total(at)
    at.switch_page(ASSUMPTIONS).run()
    at.number_input(key="plan.a.agency_fee").set_value(30.0).run()
    # two hires with an agency at 30% instead of 20% of base: the delta is shown here
    delta = next(m for m in at.metric if m.label.startswith("Your plan")).proto.delta
    assert delta.startswith("$") and delta.endswith(" against the defaults")
    at.switch_page("app_pages/plan.py").run()
    assert mix_total(at) > before
    assert any("Agency fee, share of first-year base (%) 30 (default 20)" in c.value
               for c in at.caption)  # fmt: skip
    assert address(at)["agency_fee"] == "0.3"
    at.switch_page(ASSUMPTIONS).run()
    assert at.number_input(key="plan.a.agency_fee").value == 30.0
    at.button(key="assume.reset").click().run()
    assert at.number_input(key="plan.a.agency_fee").value == 20.0
    at.switch_page("app_pages/plan.py").run()
    assert mix_total(at) == before
    assert "agency_fee" not in address(at)
