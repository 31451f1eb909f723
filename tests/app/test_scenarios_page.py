"""The Scenarios page: save, reopen, compare; a broken database leaves the rest working."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.helpers import open_groups
from tests.conftest import ROOT

APP = str(ROOT / "app.py")


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANNER_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("PLANNER_DATABASE_URL", raising=False)
    return tmp_path


def _save(at: AppTest, name: str) -> None:
    at.switch_page("app_pages/scenarios.py").run()
    at.text_input(key="scen.name").input(name)
    at.button[0].click().run()  # the form's Save button
    assert not at.exception


def _fresh() -> AppTest:
    return AppTest.from_file(APP, default_timeout=30).run()


def test_save_two_compare_and_reopen(data_dir):
    """Two saved scenarios compare side by side; opening one restores its answers."""
    at = open_groups(_fresh(), "scale")
    at.number_input(key="plan.live_models").set_value(1).run()
    _save(at, "One live model")
    assert any("Saved “One live model”" in s.value for s in at.success)
    open_groups(at.switch_page("app_pages/plan.py"), "scale")
    at.number_input(key="plan.live_models").set_value(5).run()
    at.number_input(key="plan.products").set_value(3).run()
    _save(at, "Scale")
    table = at.dataframe[0].value
    assert set(table["Name"]) == {"One live model", "Scale"}
    at.multiselect(key="scen.compare").set_value(["One live model", "Scale"]).run()
    diff = at.dataframe[1].value
    assert list(diff[""])[:2] == ["live_models", "products"]
    assert len(at.get("plotly_chart")) == 1
    at.selectbox(key="scen.chosen").set_value("One live model").run()
    at.button(key="scen.open").click().run()
    assert not at.exception
    assert any(e.label.startswith("Models in production: 1 live model ·") for e in at.expander)
    assert at.session_state["plan.live_models"] == 1


def test_reopening_restores_an_answer_kept_in_a_question_group(data_dir):
    """An answer inside a question group (kept while the group is closed) is replaced by the
    scenario's value when the scenario is opened."""
    at = open_groups(_fresh(), "team")
    at.number_input(key="plan.have_researchers").set_value(1).run()
    _save(at, "One researcher")
    at.switch_page("app_pages/plan.py").run()
    open_groups(at, "team")
    at.number_input(key="plan.have_researchers").set_value(3).run()
    assert "Your ML team today: 3 researchers" in [e.label for e in at.expander]
    at.switch_page("app_pages/scenarios.py").run()
    at.selectbox(key="scen.chosen").set_value("One researcher").run()
    at.button(key="scen.open").click().run()
    assert not at.exception
    assert "Your ML team today: 1 researcher" in [e.label for e in at.expander]
    assert at.session_state["plan.have_researchers"] == 1


def test_duplicate_name_is_refused_with_a_message(data_dir):
    """Saving twice under one name without 'replace' warns and keeps the first."""
    at = _fresh()
    _save(at, "Base")
    _save(at, "Base")
    assert any("already exists" in w.value for w in at.warning)


def test_broken_database_shows_an_error_and_the_plan_still_works(data_dir):
    """A damaged database file: the Scenarios page says so; the Plan page is unaffected."""
    (data_dir / "scenarios.db").write_bytes(b"not a database " * 100)
    at = _fresh()
    at.switch_page("app_pages/scenarios.py").run()
    assert not at.exception
    assert any("damaged or not a database" in e.value for e in at.error)
    at.switch_page("app_pages/plan.py").run()
    assert not at.exception and len(at.get("echarts_chart")) == 1  # the cost chart
