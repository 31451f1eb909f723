"""The Hiring kit page: JD for the plan, paste -> findings, upload errors, the audit."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from planner.text import md_line
from tests.app.helpers import open_groups
from tests.conftest import FIXTURES, ROOT

PAGE = str(ROOT / "app_pages" / "hiring_kit.py")


def _page() -> AppTest:
    return AppTest.from_file(PAGE, default_timeout=30).run()


def test_defaults_offer_the_first_hire_of_the_plan():
    """With default answers the first job description is the researcher's, with a download."""
    at = _page()
    assert not at.exception
    assert at.selectbox(key="kit.jd_archetype").value == "researcher"
    assert any("# Senior Model Researcher" in m.value for m in at.markdown)


def test_paste_shows_findings_and_the_job_split():
    """Pasting the all-in-one posting lists its findings and charts three jobs."""
    at = _page()
    text = (FIXTURES / "jds" / "all_in_one.md").read_text(encoding="utf-8")
    at.text_area(key="kit.jd_text").input(text).run()
    assert not at.exception
    findings = at.dataframe[0].value
    assert {"credential gate", "several jobs", "prestige wording"} <= set(findings["Rule"])
    import plotly.io as pio

    fig = pio.from_json(at.get("plotly_chart")[0].proto.spec)
    assert fig.layout.title.text == "This posting asks for 3 jobs"


def test_clean_posting_gets_a_clear_result():
    """A focused posting shows the 'no findings' message."""
    at = _page()
    at.text_area(key="kit.jd_text").input(
        (FIXTURES / "jds" / "focused_developer.md").read_text(encoding="utf-8")
    ).run()
    assert any(s.value.startswith("No findings") for s in at.success)


def test_plan_answers_carry_over_to_the_kit():
    """Answers saved on the Plan page drive the kit: the second rung offers a developer first."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    at.radio(key="plan.problem_validation").set_value("proven").run()
    at.radio(key="plan.data_maturity").set_value("repeatable").run()
    open_groups(at, "scale").number_input(key="plan.live_models").set_value(1).run()
    at.switch_page("app_pages/hiring_kit.py").run()
    assert not at.exception
    assert at.selectbox(key="kit.jd_archetype").value == "developer"


def test_bad_upload_names_the_problem_and_keeps_working():
    """A binary file uploaded as .md is refused with the reason; the page does not crash."""
    at = _page()
    at.file_uploader(key="kit.jd_file").set_value(("cv.md", b"\x00\x01\x02", "text/markdown"))
    at.run()
    assert not at.exception
    assert at.error[0].value == (
        f"{md_line('cv.md')}: the file is not plain text; paste the text or save it as .txt or .md."
    )
