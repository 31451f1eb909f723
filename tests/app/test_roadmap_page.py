"""The Roadmap page: milestones move the stage and the reqs; a bad row is named, not lost."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

PAGE = str(ROOT / "app_pages" / "roadmap.py")
EDITOR = "roadmap.editor"
FIRST_LIVE = {"quarter": 3, "data_maturity": "repeatable", "problem": "proven", "live_models": 1}


def _page(**params: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def _add_rows(at: AppTest, *rows: dict[str, object]) -> AppTest:
    """Rows added to the milestones table, as the browser sends them."""
    at.session_state[EDITOR] = {"edited_rows": {}, "added_rows": list(rows), "deleted_rows": []}
    return at.run()


TABLES = {"roadmap.stage": "Next likely failure", "roadmap.reqs": "Why"}


def _table(at: AppTest, name: str) -> list[dict[str, object]]:
    """A results table, told by a column only it has."""
    (frame,) = [d.value for d in at.dataframe if TABLES[name] in d.value.columns]
    return frame.to_dict("records")


def _stages(at: AppTest) -> list[str]:
    return [row["Next likely failure"] for row in _table(at, "roadmap.stage")]


def _reqs(at: AppTest) -> list[tuple[str, str, str, str]]:
    return [
        (row["Req"], row["Opens"], row["In place P50"], row["Needed from"])
        for row in _table(at, "roadmap.reqs")
    ]


def test_default_answers_give_a_stage_and_reqs_without_error():
    """Today's defaults: eight quarters of weak problem validation, the first two reqs."""
    at = _page()
    assert not at.exception and not at.error
    assert _stages(at) == ["Weak problem validation"] * 8
    assert [r[0] for r in _reqs(at)] == ["Model researcher", "Model developer"]
    assert "ms" not in at.query_params


def test_a_milestone_moves_the_stage_and_adds_the_req_it_needs():
    """First model live on repeatable data in Q3: brittle deployment from Q3, and an operator
    req due in Q3 that is in place by then (P50)."""
    before = _reqs(_page())
    at = _add_rows(_page(), FIRST_LIVE)
    assert not at.exception and not at.error
    stages = _stages(at)
    assert stages[:2] == ["Weak problem validation"] * 2
    assert stages[2:] == ["Brittle deployment"] * 6
    reqs = _reqs(at)
    assert reqs != before and reqs[: len(before)] == before
    operator = [r for r in reqs if r[0] == "Model operator"]
    assert operator == [("Model operator", operator[0][1], "Q3", "Q3")]
    assert "milestone Q3:" in _table(at, "roadmap.stage")[2]["What moves it"]
    assert at.query_params["ms"] == "Q3:data_maturity=repeatable,problem=proven,live_models=1"


def test_moving_the_milestone_later_moves_its_req_later():
    """The same milestone in Q6 opens the operator req later than in Q3."""
    early = _add_rows(_page(), FIRST_LIVE)
    late = _add_rows(_page(), FIRST_LIVE | {"quarter": 6})
    (op_early,) = [r for r in _reqs(early) if r[0] == "Model operator"]
    (op_late,) = [r for r in _reqs(late) if r[0] == "Model operator"]
    assert int(op_late[1][1:]) > int(op_early[1][1:])
    assert op_late[3] == "Q6"


def test_a_bad_row_is_named_and_kept_while_the_good_rows_apply():
    """A milestone beyond the horizon and one without a change each get a message naming the
    row; the good row still moves the stage, and the bad rows stay in the table."""
    at = _add_rows(_page(), FIRST_LIVE, {"quarter": 10, "regions": 2}, {"quarter": 4})
    assert not at.exception
    errors = [e.value.replace("\\", "").replace("\u2060", "") for e in at.error]
    assert len(errors) == 2, errors
    assert errors[0].startswith("Row 2: milestone 'Q10:regions=2': the quarter must be from 1 to 8")
    assert errors[1] == "Row 3: choose at least one answer that changes in Q4."
    assert _stages(at)[2] == "Brittle deployment"
    edited = at.session_state["roadmap.edited"]
    assert list(edited["quarter"]) == [3, 10, 4]  # nothing the user typed is lost


def test_a_link_restores_the_roadmap_and_names_what_it_ignored():
    """ms, quarters and hire.<archetype> from the address; a bad value is named in a notice."""
    at = _page(
        ms="Q2:live_models=1,problem=proven,data_maturity=repeatable;Q4:problem=maybe",
        quarters="6",
        **{"hire.operator": "london", "attr": "0.9"},
    )
    assert not at.exception
    assert len(_stages(at)) == 6 and _stages(at)[1] == "Brittle deployment"
    (op,) = [r for r in _table(at, "roadmap.reqs") if r["Req"] == "Model operator"]
    assert op["Hired in"] == "London"
    (info,) = [i for i in at.info if i.value.startswith("Some link parameters were ignored")]
    assert "problem must be one of" in info.value and "attr" in info.value
    assert at.number_input(key="roadmap.attrition").value == 10.0  # the default stands


def test_a_budget_cut_says_what_slips():
    """A budget below the reqs' cost: the metric and the warning say which req slips."""
    at = _page(rm_budget="300000")
    assert not at.exception
    assert at.metric[2].value.endswith("slip")
    (warning,) = at.warning
    assert "What slips to fit the budget" in warning.value and "opens in Q" in warning.value


def test_downloads_offer_the_workbook_slides_json_and_csv():
    """The roadmap goes where the plan goes: a workbook and slides (built when clicked), JSON
    and CSV."""
    at = _add_rows(_page(), FIRST_LIVE)
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Workbook (.xlsx)", "Slides (.pptx)", "Roadmap (JSON)", "Quarters (CSV)"]
    assert not at.exception


def test_the_presentation_view_is_the_roadmap_slide_and_the_way_back_restores_the_page():
    """In the presentation view the page is the slide (the decision with the reqs and cash,
    the stage's changes as the reason, no inputs); exiting brings the inputs back as left."""
    at = _add_rows(_page(), FIRST_LIVE)
    at.button(key="roadmap.present_on").click().run()
    assert not at.exception
    (title,) = at.title
    assert title.value.startswith("Open 3 reqs over 8 quarters — $")
    why = next(m.value for m in at.markdown if m.value.startswith("**Why"))
    assert "brittle deployment from Q3" in why
    assert not at.number_input and not at.get("arrow_data_editor")
    at.button(key="plan.present_off").click().run()
    assert not at.exception
    assert at.title[0].value == "Roadmap"
    assert list(at.session_state["roadmap.edited"]["quarter"]) == [3]
