"""Two users signed in through a real OpenID Connect provider, in Chromium: neither can list,
open, rename or delete the other's scenarios, by the page or by a crafted link; a visitor who
has not signed in sees none; a share link opens the plan, not the owner's list."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from planner.scenarios._store import ScenarioStore
from tests.fixtures.oidc import local_only, oidc_provider, sign_in, signin_env, start_app
from tests.fixtures.scenarios_ui import (
    IDLE,
    choose,
    open_scenarios,
    save,
    save_plan,
    scenario_names,
)

pytestmark = [
    pytest.mark.e2e,
    # The provider (oidc-provider-mock) still calls Authlib APIs that Authlib now deprecates.
    pytest.mark.filterwarnings("ignore::DeprecationWarning:authlib"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning:oidc_provider_mock"),
]

HOSTILE = "![x](https://evil.example/p.png) [phish](https://evil.example/)"
ALICE, BOB = "alice@example.com", "bob@example.com"


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Iterator[tuple[str, ScenarioStore, str]]:
    """One provider and one app server with sign-in, on a SQLite file of its own."""
    folder = tmp_path_factory.mktemp("signin")
    url = f"sqlite:///{folder / 'scenarios.db'}"
    with oidc_provider() as provider:
        server = start_app({**signin_env(provider, folder), "PLANNER_DATABASE_URL": url})
        try:
            yield server.url, ScenarioStore(url), provider
        finally:
            server.stop()


def test_two_signed_in_users_never_reach_each_others_scenarios(browser, app):
    """Alice saves two scenarios (one with a hostile name); Bob lists none of them, crafted
    links change nothing, and his own scenario is his alone; Alice's Delete prompt shows the
    hostile name as text; a visitor without sign-in gets a Sign in button only; Alice's share
    link opens her plan, not her list; after Sign out her browser lists nothing."""
    app_url, store, provider = app
    contexts = [browser.new_context(viewport={"width": 1280, "height": 900}) for _ in range(3)]
    evil: list[str] = []
    for context in contexts:
        local_only(context)
        context.on("request", lambda r: evil.append(r.url) if "evil.example" in r.url else None)
    alice, bob, anon = (context.new_page() for context in contexts)
    try:
        sign_in(alice, app_url, ALICE)
        save(alice, HOSTILE)
        save_plan(alice, app_url, "live_models=3&products=2", "Alice 2027")
        assert sorted(scenario_names(alice)) == sorted([HOSTILE, "Alice 2027"])
        alices = store.list(f"oidc:{provider} {ALICE}").scenarios
        assert sorted(s.name for s in alices) == sorted([HOSTILE, "Alice 2027"])

        choose(alice, HOSTILE)
        alice.get_by_role("button", name="Delete", exact=True).first.click()
        prompt = alice.get_by_test_id("stPopoverBody").get_by_test_id("stText")
        assert prompt.inner_text() == f"Delete “{HOSTILE}”? This cannot be undone."
        assert alice.locator("[data-testid='stMain'] img").count() == 0
        alice.keyboard.press("Escape")

        sign_in(bob, app_url, BOB)
        bob.get_by_text("No scenarios yet").wait_for()
        for crafted in (
            f"?chosen={alices[0].id}",
            f"?scenario={alices[0].id}&scen.chosen={alices[0].id}&action=delete",
        ):
            bob.goto(f"{app_url}/scenarios{crafted}")
            bob.wait_for_selector(IDLE)
            bob.get_by_text("No scenarios yet").wait_for(timeout=30_000)
        save(bob, "Bob only")
        assert scenario_names(bob) == ["Bob only"]
        open_scenarios(alice, app_url)
        assert sorted(scenario_names(alice)) == sorted([HOSTILE, "Alice 2027"])
        bob.get_by_role("button", name="Delete", exact=True).first.click()
        bob.get_by_test_id("stPopoverBody").get_by_role("button", name="Delete").click()
        bob.get_by_text("Deleted “Bob only”").wait_for(timeout=30_000)
        assert store.list(f"oidc:{provider} {ALICE}").scenarios == alices

        open_scenarios(anon, app_url)
        anon.get_by_role("button", name="Sign in", exact=True).wait_for()
        assert anon.get_by_test_id("stSelectbox").count() == 0

        # Share: the plan's own link. It opens the Plan page for anyone, and no list.
        choose(alice, "Alice 2027")
        alice.get_by_role("button", name="Share", exact=True).click()
        link = alice.get_by_test_id("stPopoverBody").get_by_test_id("stCode").inner_text()
        assert link.strip() == f"{app_url}/?live_models=3&products=2"
        anon.goto(link.strip())
        anon.wait_for_selector(".st-key-plan-diagnosis h3", timeout=30_000)
        assert "products=2" in anon.url and anon.get_by_test_id("stSelectbox").count() == 0

        open_scenarios(alice, app_url)
        alice.get_by_role("button", name="Sign out", exact=True).click()
        end = alice.get_by_role("button", name="End session")
        try:
            end.wait_for(timeout=5_000)
            end.click()
        except Exception:  # noqa: S110 - providers that end the session without asking
            pass
        open_scenarios(alice, app_url)
        alice.get_by_role("button", name="Sign in", exact=True).wait_for(timeout=30_000)
        assert alice.get_by_test_id("stSelectbox").count() == 0
    finally:
        for context in contexts:
            context.close()
    assert evil == []  # nothing a name said was ever fetched
