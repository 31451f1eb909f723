"""The Your data page: a good upload is used (and labelled); a bad one lists every problem."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from planner.text import md_line
from tests.app.helpers import open_groups
from tests.conftest import FIXTURES, ROOT

TIMEOUT = 30
UPLOADS = FIXTURES / "uploads"


def _upload(at: AppTest, name: str) -> AppTest:
    at.file_uploader(key="data.file").set_value((name, (UPLOADS / name).read_bytes(), "text/csv"))
    return at.run()


def test_page_offers_template_and_column_docs():
    """Without an upload: two downloads (template, shipped bands) and the column list."""
    at = AppTest.from_file(str(ROOT / "app_pages" / "your_data.py"), default_timeout=TIMEOUT).run()
    assert not at.exception
    columns = at.dataframe[0].value
    assert list(columns["Column"])[:3] == ["archetype", "level", "location"]


def test_bad_upload_lists_problems_and_keeps_the_shipped_data():
    """A broken file shows every problem with row and column, and nothing is loaded."""
    at = AppTest.from_file(str(ROOT / "app_pages" / "your_data.py"), default_timeout=TIMEOUT).run()
    _upload(at, "many_problems.csv")
    assert not at.exception
    assert at.error[0].value.startswith(
        md_line("many_problems.csv") + ": 64 problems found, so nothing was loaded."
    )
    problems = at.dataframe[0].value
    assert len(problems) == 50
    assert problems.iloc[0].to_dict() == {
        "Row": 2,
        "Column": "p50",
        "Problem": "'oops' is not a number",
        "How to fix": "write a plain yearly amount such as 120000 (no currency signs or separators)",
    }
    assert "data.upload" not in at.session_state


def test_good_upload_is_used_on_the_plan_and_labelled_as_yours():
    """A valid file replaces the matching bands; the plan's chart says 'your data (file)'."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    at.switch_page("app_pages/your_data.py").run()
    _upload(at, "good.csv")
    assert not at.exception
    assert any(f"In use: your data ({md_line('good.csv')}), 2 bands" in s.value for s in at.success)
    at.switch_page("app_pages/plan.py").run()
    open_groups(at, "market")
    at.selectbox(key="plan.location").set_value("london").run()
    at.radio(key="plan.section").set_value("Market pay").run()
    assert not at.exception
    import plotly.io as pio

    fig = pio.from_json(at.get("plotly_chart")[0].proto.spec)
    assert "your data (good.csv)" in fig.layout.title.subtitle.text.replace("<br>", " ")
    # good.csv's senior London developer has a median of £100,000 (shipped: £120,000).
    assert 100_000 in [round(x) for x in fig.data[0].median]
