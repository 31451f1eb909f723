"""The Scenarios page: save, reopen, compare; whose scenarios a visitor sees; actions that hit
only what the visitor chose; names never rendered as markup; a damaged row or database never
takes the page down."""

from __future__ import annotations

import sqlite3

import plotly.io as pio
import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from planner.scenarios._store import LOCAL_OWNER, ScenarioStore
from planner.text import html_text, md, md_line
from tests.app.helpers import open_groups
from tests.conftest import FIXTURES, ROOT
from ui.auth import NOT_LOCAL, only_this_computer

APP = str(ROOT / "app.py")
PAGE = str(ROOT / "app_pages" / "scenarios.py")
AUTH = {  # sign-in configured (AppTest never calls the provider)
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "test-only",
    "client_id": "planner-test",
    "client_secret": "test-only",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}
pytestmark = pytest.mark.usefixtures("data_dir")
ISSUER = "http://127.0.0.1:9"


def _save(at: AppTest, name: str, replace: bool = False) -> None:
    if at._script_path == APP:  # the whole app: go to the page first
        at.switch_page("app_pages/scenarios.py").run()
    at.text_input(key="scen.name").input(name)
    at.checkbox(key="scen.overwrite").set_value(replace)
    next(b for b in at.button if b.label == "Save").click().run()  # the form's button
    assert not at.exception


def _fresh() -> AppTest:
    return AppTest.from_file(APP, default_timeout=30).run()


def _page(user: dict | None = None, **state) -> AppTest:
    """The Scenarios page alone; `user` signs someone in (with sign-in configured)."""
    at = AppTest.from_file(PAGE, default_timeout=30)
    if user is not None:
        at.secrets["auth"] = AUTH
        at.user = user
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def _id(store: ScenarioStore, name: str, owner: str = LOCAL_OWNER) -> int:
    return next(s.id for s in store.list(owner).scenarios if s.name == name)


def _messages(at: AppTest) -> list[str]:
    return [m.value for kind in (at.success, at.info, at.warning, at.error) for m in kind]


def test_save_two_compare_and_reopen(data_dir, store):
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
    one, scale = _id(store, "One live model"), _id(store, "Scale")
    at.multiselect(key="scen.compare").set_value([one, scale]).run()
    cards = [m.value for m in at.markdown if "· against the first]" in m.value]
    assert "Live models tied to revenue: :orange-background[**5 models**]" in cards[0]
    assert len(at.get("plotly_chart")) == 1
    at.selectbox(key="scen.chosen").set_value(one).run()
    at.button(key="scen.open").click().run()
    assert not at.exception
    assert any(e.label.startswith("Models in production: 1 live model ·") for e in at.expander)
    assert at.session_state["plan.live_models"] == 1


def test_reopening_restores_an_answer_kept_in_a_question_group(data_dir, store):
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
    at.selectbox(key="scen.chosen").set_value(_id(store, "One researcher")).run()
    at.button(key="scen.open").click().run()
    assert not at.exception
    assert "Your ML team today: 1 researcher" in [e.label for e in at.expander]
    assert at.session_state["plan.have_researchers"] == 1


def test_colliding_saves_and_renames_are_refused_with_a_message(store):
    """Saving under a taken name (also its NFD look-alike or other case) without "Replace"
    warns and keeps the first; renaming onto a taken name warns and changes nothing."""
    at = _fresh()
    _save(at, "Café")
    for clash in ("Café", "cafe\u0301", "CAFÉ"):
        _save(at, clash)
        assert any("already exists" in w.value for w in at.warning), clash
    assert [s.name for s in store.list(LOCAL_OWNER).scenarios] == ["Café"]
    _save(at, "Lean")
    at.selectbox(key="scen.chosen").set_value(_id(store, "Lean")).run()
    at.text_input(key="scen.new_name").input("café").run()
    at.button(key="scen.rename").click().run()
    assert any("already exists" in w.value for w in at.warning)
    assert {s.name for s in store.list(LOCAL_OWNER).scenarios} == {"Café", "Lean"}
    _save(at, "café", replace=True)  # "Replace" replaces the one scenario, with the new name
    assert {s.name for s in store.list(LOCAL_OWNER).scenarios} == {"café", "Lean"}


@pytest.mark.parametrize("action", ["delete", "open", "rename"])
def test_an_action_on_a_scenario_deleted_meanwhile_touches_nothing_else(store, action):
    """Race: session A has "victim" chosen (its Delete prompt open); session B deletes it;
    A clicks Delete/Open/Rename: A is told it is gone, and the other scenario is untouched
    (before: the first scenario in the list was deleted or opened instead, silently)."""
    store.save(LOCAL_OWNER, "keep me", {"live_models": "2"})
    victim = store.save(LOCAL_OWNER, "victim", {"live_models": "7"})
    a = _page()
    a.selectbox(key="scen.chosen").set_value(victim.id).run()
    assert "Delete “victim”? This cannot be undone." in [t.value for t in a.text]
    b = _page()
    b.selectbox(key="scen.chosen").set_value(victim.id).run()
    b.button(key="scen.delete").click().run()
    assert any("Deleted “victim”" in s.value for s in b.success)
    if action == "rename":
        a.text_input(key="scen.new_name").input("renamed")
    a.button(key=f"scen.{action}").click().run()
    assert not a.exception
    assert any("no longer there" in m for m in a.warning.values), _messages(a)
    assert [s.name for s in store.list(LOCAL_OWNER).scenarios] == ["keep me"]
    assert "plan.saved" not in a.session_state  # nothing was opened on the Plan page
    assert [o for o in a.selectbox(key="scen.chosen").options] == ["keep me"]


def test_an_action_on_a_scenario_changed_meanwhile_is_refused(store):
    """Race: A has "draft" chosen; B renames it to "final"; A's Delete is refused with the
    reason and "final" survives."""
    draft = store.save(LOCAL_OWNER, "draft", {})
    a = _page(**{"scen.chosen": draft.id})
    store.rename(LOCAL_OWNER, draft.id, "final", draft.revision)  # session B
    a.button(key="scen.delete").click().run()
    assert any("was changed in another session" in w for w in a.warning.values)
    assert [s.name for s in store.list(LOCAL_OWNER).scenarios] == ["final"]


HOSTILE = [
    "![x](https://evil.example/p.png)",
    "[phish](https://evil.example/)",
    '<a href="https://evil.example/">legend</a>',
    ":red[**alarm**] $x^2$",
]


def test_names_never_render_as_markup(store):
    """Hostile names show as typed: escaped in the Saved message, plain text in the Delete
    prompt and the tables, HTML-escaped in the compare chart's legend."""
    at = _fresh()
    for name in HOSTILE:
        _save(at, name)
        assert [m.value for m in at.success] == [f"Saved “{md_line(name)}”."]
    ids = [_id(store, n) for n in HOSTILE]
    for scenario_id, name in zip(ids, HOSTILE, strict=True):
        at.selectbox(key="scen.chosen").set_value(scenario_id).run()
        prompt = f"Delete “{name}”? This cannot be undone."
        assert prompt in [t.value for t in at.text]  # st.text: never Markdown
        assert not any(name in m.value for m in at.markdown)
    at.multiselect(key="scen.compare").set_value(ids).run()
    figure = pio.from_json(at.get("plotly_chart")[0].proto.spec)
    legend = [t.name for t in figure.data]
    assert legend == [html_text(n) for n in HOSTILE]
    assert not any("<a" in n for n in legend)
    assert set(at.dataframe[0].value["Name"]) == set(HOSTILE)  # a dataframe shows plain text


def test_a_damaged_row_is_skipped_and_named(store, data_dir):
    """A row whose params are not JSON and one with a broken timestamp: the page lists the
    rest and names both (before: "This app has encountered an error" for everyone); a button
    removes them."""
    store.save(LOCAL_OWNER, "Good", {})
    store.save(LOCAL_OWNER, "Bad params", {})
    store.save(LOCAL_OWNER, "Bad time", {})
    with sqlite3.connect(data_dir / "scenarios.db") as conn:
        conn.execute("UPDATE scenarios SET params = '{not json' WHERE name = 'Bad params'")
        conn.execute("UPDATE scenarios SET updated_at = 'soon' WHERE name = 'Bad time'")
    at = _page()
    assert not at.exception
    assert list(at.dataframe[0].value["Name"]) == ["Good"]
    (warning,) = at.warning
    assert "“Bad params”" in warning.value and "“Bad time”" in warning.value
    assert "not json" not in warning.value  # named, not quoted
    at.button(key="scen.delete_skipped").click().run()
    assert not at.warning and [s.name for s in store.list(LOCAL_OWNER).scenarios] == ["Good"]


def test_broken_database_shows_an_error_without_its_path_and_the_plan_still_works(data_dir):
    """A damaged database file: the Scenarios page says so without the server's path; the
    Plan page is unaffected."""
    (data_dir / "scenarios.db").write_bytes(b"not a database " * 100)
    at = _fresh()
    at.switch_page("app_pages/scenarios.py").run()
    assert not at.exception
    assert any("damaged or not a database" in e.value for e in at.error)
    assert not any(str(data_dir) in m for m in _messages(at))
    at.switch_page("app_pages/plan.py").run()
    assert not at.exception and len(at.get("echarts_chart")) == 1  # the cost chart


def test_share_shows_the_plan_link_of_the_chosen_scenario(store):
    """Share gives the scenario's plan link (its parameters), not a link to the list."""
    lean = store.save(LOCAL_OWNER, "Lean", {"live_models": "3", "products": "2"})
    store.save(LOCAL_OWNER, "Other", {"live_models": "9"})
    at = _page(**{"scen.chosen": lean.id})
    (code,) = at.code
    assert code.value.endswith("?live_models=3&products=2")


def _user(name: str) -> dict:
    return {"is_logged_in": True, "iss": ISSUER, "sub": name, "email": f"{name}@example.com"}


def _owner(name: str) -> str:
    return f"oidc:{ISSUER} {name}"


def test_signed_in_users_see_and_change_only_their_own(store):
    """With sign-in, Alice's scenarios are hers: Bob lists none of them, and naming Alice's
    id in his session state (as a crafted widget value would) opens, renames or deletes
    nothing; a visitor who has not signed in sees a Sign in button and no list."""
    mine = store.save(_owner("alice"), "Alice's plan", {"live_models": "4"})
    store.save(LOCAL_OWNER, "Local plan", {})
    alice = _page(_user("alice"))
    assert list(alice.dataframe[0].value["Name"]) == ["Alice's plan"]
    assert any(f"Signed in as {md_line('alice@example.com')}." in c.value for c in alice.caption)
    bob = _page(_user("bob"), **{"scen.chosen": mine.id, "scen.compare": [mine.id]})
    assert not bob.exception and not bob.dataframe and not bob.selectbox
    assert any("No scenarios yet" in i.value for i in bob.info)
    _save(bob, "Alice's plan")  # the same name is Bob's own, separate scenario
    bob_id = _id(store, "Alice's plan", _owner("bob"))
    bob = _page(_user("bob"), **{"scen.chosen": mine.id})
    assert bob.selectbox(key="scen.chosen").value == bob_id
    bob.button(key="scen.delete").click().run()
    assert store.get(_owner("alice"), mine.id).params == {"live_models": "4"}
    assert store.list(_owner("bob")).scenarios == []
    nobody = _page({"is_logged_in": False})
    assert [b.label for b in nobody.button] == ["Sign in"]
    assert not nobody.dataframe and any("Sign in to save" in i.value for i in nobody.info)


def test_no_sign_in_on_an_address_others_can_reach_stores_nothing(store, monkeypatch):
    """Without sign-in, a server bound beyond loopback lists and saves nothing and says what
    to configure (before: every visitor saw and could delete every scenario);
    PLANNER_SINGLE_USER=1 is the explicit opt-in to one shared list."""
    store.save(LOCAL_OWNER, "Private", {})
    address = config.get_option("server.address")
    config.set_option("server.address", "0.0.0.0")  # noqa: S104 - the case under test
    try:
        at = _page()
        assert not at.dataframe and not at.text_input
        assert [i.value for i in at.info] == [md(NOT_LOCAL)]
        monkeypatch.setenv("PLANNER_SINGLE_USER", "1")
        assert list(_page().dataframe[0].value["Name"]) == ["Private"]
    finally:
        config.set_option("server.address", address)


@pytest.mark.parametrize(
    ("address", "headers", "env", "local"),
    [
        ("localhost", {}, {}, True),
        ("127.0.0.1", {}, {}, True),
        ("[::1]", {}, {}, True),
        (None, {}, {}, False),  # Streamlit's own default: every interface
        ("0.0.0.0", {}, {}, False),  # noqa: S104 - the case under test
        ("10.0.0.5", {}, {}, False),
        ("localhost", {"x-forwarded-for": "203.0.113.9"}, {}, False),  # behind a proxy
        ("localhost", {"Forwarded": "for=203.0.113.9"}, {}, False),
        ("0.0.0.0", {}, {"PLANNER_SINGLE_USER": "1"}, True),  # noqa: S104 - explicit opt-in
        ("0.0.0.0", {}, {"PLANNER_SINGLE_USER": "no"}, False),  # noqa: S104
    ],
)
def test_single_user_mode_only_where_nobody_else_can_reach_the_server(address, headers, env, local):
    """Without sign-in, one local user only on loopback and not behind a proxy, or when
    PLANNER_SINGLE_USER=1 says so."""
    assert only_this_computer(address, headers, env) is local


def test_a_scenario_keeps_its_uploaded_bands_and_opening_it_brings_them_back(store):
    """Saved with an upload, a scenario keeps the bands (a link cannot): after the upload is
    removed, comparing prices it with them and opening it makes them this session's again.
    The comparison is offered as a slide."""
    at = _fresh()
    at.switch_page("app_pages/your_data.py").run()
    good = (FIXTURES / "uploads" / "good.csv").read_bytes()
    at.file_uploader(key="data.file").set_value(("good.csv", good, "text/csv")).run()
    assert at.session_state["data.upload"][0] == "good.csv"
    open_groups(at.switch_page("app_pages/plan.py"), "market")
    at.selectbox(key="plan.location").set_value("london").run()
    _save(at, "Our survey")
    assert any("with your uploaded bands" in s.value for s in at.success)
    at.session_state["data.upload"] = None  # the upload removed, as Your data's button does
    at.session_state["data.upload_rows"] = None
    open_groups(at.switch_page("app_pages/plan.py"), "market")
    _save(at, "Shipped bands")
    (ours,) = [s for s in store.list(LOCAL_OWNER).scenarios if s.name == "Our survey"]
    (theirs,) = [s for s in store.list(LOCAL_OWNER).scenarios if s.name == "Shipped bands"]
    assert ours.has_bands and not theirs.has_bands
    at.multiselect(key="scen.compare").set_value([ours.id, theirs.id]).run()
    assert not at.exception
    (card,) = [m.value for m in at.markdown if "· against the first]" in m.value]
    assert "the same settings as the first" in card  # only the bands differ, and the cash
    assert "(+£" in card.replace("\\", "")  # the shipped bands cost more
    assert any(c.value.startswith("Priced with") and "Our survey" in c.value for c in at.caption)
    slide = at.get("download_button")
    assert any("comparison slide" in b.proto.label for b in slide)
    at.selectbox(key="scen.chosen").set_value(ours.id).run()
    at.button(key="scen.open").click().run()
    assert not at.exception
    assert at.session_state["data.upload"][0] == "Our survey (saved bands)"


def test_a_scenario_keeps_the_roadmap_and_opening_it_restores_the_milestones(store):
    """The Roadmap page's inputs (in the address beside the plan's link) are saved with the
    scenario; opening it later seeds the Roadmap page from them again."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params.update({"ms": "Q3:live_models=1", "attr": "0.2"})
    at.run()
    at.switch_page("app_pages/roadmap.py").run()
    assert not at.exception
    _save(at, "First model in Q3")
    (saved,) = store.list(LOCAL_OWNER).scenarios
    assert saved.params["ms"] == "Q3:live_models=1" and saved.params["attr"] == "0.2"
    at.session_state["roadmap.attrition"] = 5.0  # the page changed since
    at.selectbox(key="scen.chosen").set_value(saved.id).run()
    at.button(key="scen.open").click().run()
    at.switch_page("app_pages/roadmap.py").run()
    assert not at.exception
    assert at.session_state["roadmap.attrition"] == 20.0
    assert list(at.session_state["roadmap.edited"]["quarter"]) == [3]
