"""The team set-up of docs/deployment.md, for real: two app servers (as behind a load balancer)
with one sign-in provider, one cookie secret and one PostgreSQL. The same user sees the same
scenarios through either server; concurrent saves from both lose nothing."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator

import pytest

from planner.scenarios._store import NameRefused, ScenarioStore
from tests.fixtures.oidc import local_only, oidc_provider, sign_in, signin_env, start_app
from tests.fixtures.postgres import running_postgres
from tests.fixtures.scenarios_ui import choose, open_scenarios, save_plan, scenario_names

pytestmark = [
    pytest.mark.e2e,
    # The provider (oidc-provider-mock) still calls Authlib APIs that Authlib now deprecates.
    pytest.mark.filterwarnings("ignore::DeprecationWarning:authlib"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning:oidc_provider_mock"),
]

ALICE = "alice@example.com"


@pytest.fixture(scope="module")
def database() -> Iterator[str]:
    """One PostgreSQL for the module: its URL."""
    with running_postgres() as url:
        yield url


@pytest.fixture(scope="module")
def team(database, tmp_path_factory) -> Iterator[tuple[str, str, str]]:
    """Two app servers on that database with one provider and one cookie secret: their
    URLs and the provider's issuer."""
    folder = tmp_path_factory.mktemp("team")
    with oidc_provider() as provider:
        env = {
            **signin_env(provider, folder, cookie_secret=secrets.token_hex(32)),
            "PLANNER_DATABASE_URL": database,
        }
        servers = []
        try:
            servers.append(start_app(env))
            servers.append(start_app(env))
            yield servers[0].url, servers[1].url, provider
        finally:
            for server in servers:
                server.stop()


def test_the_same_user_sees_the_same_scenarios_through_either_server(browser, team):
    """Alice, signed in on each server (two browser windows), saves through server one and
    sees it through server two, saves and deletes there, and server one agrees."""
    one, two, _ = team
    contexts = [browser.new_context(viewport={"width": 1280, "height": 900}) for _ in range(2)]
    for context in contexts:
        local_only(context)
    first, second = (context.new_page() for context in contexts)
    try:
        # Each server here has its own address, so its own redirect URI and sign-in cookie
        # origin; behind a load balancer all replicas share one (docs/deployment.md).
        sign_in(first, one, ALICE)
        sign_in(second, two, ALICE)
        save_plan(first, one, "live_models=2", "From server one")
        open_scenarios(second, two)
        assert scenario_names(second) == ["From server one"]
        save_plan(second, two, "live_models=4", "From server two")
        choose(second, "From server one")
        second.get_by_role("button", name="Delete", exact=True).first.click()
        second.get_by_test_id("stPopoverBody").get_by_role("button", name="Delete").click()
        second.get_by_text("Deleted “From server one”").wait_for(timeout=30_000)
        open_scenarios(first, one)
        assert scenario_names(first) == ["From server two"]
    finally:
        for context in contexts:
            context.close()


def test_concurrent_saves_from_both_servers_lose_nothing(database):
    """Each server's store (its own engine and pool) saves 20 scenarios for each of two users
    at once, and both race for one name: all 80 are there, the contested name exactly once,
    and the loser was told (refused, not overwritten)."""
    owners = [f"oidc:https://id.example {who}" for who in ("carol", "dan")]
    handles = [ScenarioStore(database), ScenarioStore(database)]  # as the two servers hold
    start = threading.Barrier(len(handles))
    refused: list[int] = []
    errors: list[BaseException] = []

    def work(server: int) -> None:
        try:
            store = handles[server]
            start.wait(30)
            try:
                store.save(owners[0], "Contested", {"seed": str(server)})
            except NameRefused:
                refused.append(server)
            for i in range(20):
                for owner in owners:
                    store.save(owner, f"server {server} plan {i}", {"seed": str(i)})
        except BaseException as exc:  # reported below, with the thread's failure
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(len(handles))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert errors == []
    assert len(refused) == 1
    carol = [s.name for s in handles[0].list(owners[0]).scenarios]
    dan = [s.name for s in handles[1].list(owners[1]).scenarios]
    assert len(carol) == 41 and carol.count("Contested") == 1
    assert len(dan) == 40 and len(set(dan)) == 40
