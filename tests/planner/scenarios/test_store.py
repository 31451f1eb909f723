"""Saved scenarios: CRUD per owner, actions by id and revision under races, damaged rows and
databases, migration from schema version 1, concurrent saves, real PostgreSQL."""

from __future__ import annotations

import logging
import multiprocessing
import sqlite3
import sys
import types
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Text, create_engine, text

from planner.scenarios._store import (
    LOCAL_OWNER,
    SCHEMA_VERSION,
    NameRefused,
    ScenarioChanged,
    ScenarioGone,
    ScenarioStore,
    Skipped,
    StoreError,
    clean_name,
)
from tests.conftest import FIXTURES
from tests.fixtures.postgres import _free_port, fresh_database, running_postgres

LINK = {"live_models": "3", "products": "3", "agency_fee": "0.25"}
ALICE, BOB = "oidc:https://id.example alice", "oidc:https://id.example bob"
V1_SQL = FIXTURES / "store" / "scenarios_v1.sql"


@pytest.fixture
def store(tmp_path) -> ScenarioStore:
    return ScenarioStore(f"sqlite:///{tmp_path / 'nested' / 'scenarios.db'}")


def _names(store: ScenarioStore, owner: str = ALICE) -> list[str]:
    return [s.name for s in store.list(owner).scenarios]


def _crud(store: ScenarioStore) -> None:
    base = store.save(ALICE, "Base case", LINK)
    assert base.params == LINK and base.revision == 1
    lean = store.save(ALICE, "Lean", {"level": "mid"})
    assert set(_names(store)) == {"Base case", "Lean"}
    with pytest.raises(NameRefused, match="already exists"):
        store.save(ALICE, "Base case", {})
    replaced = store.save(ALICE, "Base case", {"live_models": "4"}, overwrite=True)
    assert (replaced.id, replaced.revision) == (base.id, 2)
    assert store.get(ALICE, base.id).params == {"live_models": "4"}
    renamed = store.rename(ALICE, lean.id, "Lean team", lean.revision)
    assert (renamed.name, renamed.revision) == ("Lean team", 2)
    with pytest.raises(NameRefused, match="already exists"):
        store.rename(ALICE, lean.id, "base CASE")
    store.delete(ALICE, base.id, replaced.revision)
    assert _names(store) == ["Lean team"]
    with pytest.raises(ScenarioGone, match="no longer there"):
        store.delete(ALICE, base.id)


def _owners_are_separate(store: ScenarioStore) -> None:
    mine = store.save(ALICE, "Plan", {"live_models": "1"})
    theirs = store.save(BOB, "Plan", {"live_models": "2"})  # the same name, another owner
    assert mine.id != theirs.id and _names(store, BOB) == ["Plan"]
    for attempt in (
        lambda: store.get(BOB, mine.id),
        lambda: store.rename(BOB, mine.id, "Mine now"),
        lambda: store.delete(BOB, mine.id),
        lambda: store.delete(BOB, mine.id, mine.revision),
    ):
        with pytest.raises(ScenarioGone):  # not "not yours": an id tells nothing
            attempt()
    assert store.get(ALICE, mine.id) == mine
    store.save(BOB, "Plan", {"live_models": "9"}, overwrite=True)  # replaces Bob's only
    assert store.get(ALICE, mine.id).params == {"live_models": "1"}
    assert store.list(LOCAL_OWNER).scenarios == []


def test_crud_on_sqlite_creates_the_folder(store, tmp_path):
    """Save, list, overwrite, rename and delete; the folder is made on first use."""
    _crud(store)
    assert (tmp_path / "nested" / "scenarios.db").exists()


def test_owners_see_and_change_only_their_own(store):
    """Bob cannot get, rename or delete Alice's scenario by its id; both may use one name."""
    _owners_are_separate(store)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "give the scenario a name"),
        ("x" * 81, "at most 80"),
        ("a\x00b", "control"),
        ("a\u202eb", "invisible"),
    ],
)
def test_bad_names_are_refused(store, name, message):
    """Empty, overlong, control or bidi-override names are refused with the reason."""
    with pytest.raises(ValueError, match=message):
        clean_name(name)
    with pytest.raises(NameRefused, match=f"(?i){message}"):
        store.save(ALICE, name, {})


def test_look_alike_names_are_one_scenario(store):
    """NFC and NFD "é", and other letter case, name one scenario (decided: case-insensitive
    after NFC); the name is stored NFC."""
    nfc, nfd = unicodedata.normalize("NFC", "Café"), unicodedata.normalize("NFD", "Café")
    assert nfc != nfd
    store.save(ALICE, nfd, {})
    assert _names(store) == [nfc]
    for other in (nfc, nfd, "CAFÉ", "café"):
        with pytest.raises(NameRefused, match="already exists"):
            store.save(ALICE, other, {})
    store.save(ALICE, "CAFÉ", {"seed": "1"}, overwrite=True)
    assert _names(store) == ["CAFÉ"]


def test_race_delete_after_another_session_deleted_it_touches_nothing_else(tmp_path):
    """Two handles on one file: A lists and prepares to delete X; B deletes X; A confirms:
    A is told X is gone and every other scenario is still there; X's id is never reused, so
    a later scenario cannot stand in for it."""
    url = f"sqlite:///{tmp_path / 's.db'}"
    a, b = ScenarioStore(url), ScenarioStore(url)
    a.save(ALICE, "first", {})
    victim = a.save(ALICE, "victim-X", {})
    x = next(s for s in a.list(ALICE).scenarios if s.name == "victim-X")
    b.delete(ALICE, victim.id, victim.revision)
    newcomer = b.save(ALICE, "newcomer", {})
    assert newcomer.id > victim.id
    with pytest.raises(ScenarioGone, match="no longer there"):
        a.delete(ALICE, x.id, x.revision)
    with pytest.raises(ScenarioGone):
        a.get(ALICE, x.id, x.revision)
    assert sorted(_names(a)) == ["first", "newcomer"]


@pytest.mark.parametrize("change", ["rename", "replace"])
def test_race_action_on_a_scenario_changed_meanwhile_is_refused(tmp_path, change):
    """A holds X at revision 1; B renames or replaces it; A's delete, rename and open are
    refused as "changed" and X is as B left it."""
    url = f"sqlite:///{tmp_path / 's.db'}"
    a, b = ScenarioStore(url), ScenarioStore(url)
    x = a.save(ALICE, "X", {"live_models": "1"})
    if change == "rename":
        b.rename(ALICE, x.id, "Y", x.revision)
    else:
        b.save(ALICE, "X", {"live_models": "5"}, overwrite=True)
    for act in (
        lambda: a.delete(ALICE, x.id, x.revision),
        lambda: a.rename(ALICE, x.id, "Z", x.revision),
        lambda: a.get(ALICE, x.id, x.revision),
    ):
        with pytest.raises(ScenarioChanged, match="changed in another session"):
            act()
    now = b.get(ALICE, x.id)
    assert now.revision == 2 and now.name in {"X", "Y"}


def test_damaged_rows_are_skipped_and_named_not_quoted(store, tmp_path):
    """Params that are not JSON or not strings, a timestamp that is not one, a revision that
    is not a number: list() returns the good rows and names the bad ones by id and name;
    get() on one raises StoreError (before: a raw JSONDecodeError/ValueError for everyone)."""
    good = store.save(ALICE, "Good", LINK)
    damage = {
        "Not JSON": "UPDATE scenarios SET params = '{oops' WHERE name = 'Not JSON'",
        "A list": "UPDATE scenarios SET params = '[1, 2]' WHERE name = 'A list'",
        "Numbers": """UPDATE scenarios SET params = '{"seed": 3}' WHERE name = 'Numbers'""",
        "Bad time": "UPDATE scenarios SET created_at = 'soonish' WHERE name = 'Bad time'",
        "Bad revision": "UPDATE scenarios SET revision = 'x' WHERE name = 'Bad revision'",
    }
    ids = {name: store.save(ALICE, name, {}).id for name in damage}
    with sqlite3.connect(tmp_path / "nested" / "scenarios.db") as conn:
        for sql in damage.values():
            conn.execute(sql)
    listing = store.list(ALICE)
    assert listing.scenarios == [store.get(ALICE, good.id)]
    assert sorted(listing.skipped) == sorted(Skipped(ids[n], n) for n in damage)
    with pytest.raises(StoreError, match="“Not JSON” cannot be read") as err:
        store.get(ALICE, ids["Not JSON"])
    assert "oops" not in str(err.value)
    store.delete(ALICE, ids["Not JSON"])  # a damaged row can still be deleted
    assert len(store.list(ALICE).skipped) == len(damage) - 1


@pytest.mark.parametrize("version", ["'abc'", "0", "2.5", "99"])
def test_bad_or_newer_schema_version_is_a_store_error(tmp_path, version):
    """A schema version that is not a number, is nonsense, or is newer than this planner's:
    StoreError saying what to do (before: a raw TypeError for text)."""
    path = tmp_path / "s.db"
    ScenarioStore(f"sqlite:///{path}").list(ALICE)
    with sqlite3.connect(path) as conn:
        conn.execute(f"UPDATE schema_version SET version = {version}")  # noqa: S608 - ours
    expected = "Upgrade the planner" if version == "99" else "schema version is unreadable"
    with pytest.raises(StoreError, match=expected) as err:
        ScenarioStore(f"sqlite:///{path}").list(ALICE)
    assert str(tmp_path) not in str(err.value)


def test_corrupt_file_gives_a_clear_message_without_its_path(tmp_path, caplog):
    """A file that is not a database is reported as damaged, with what to do; the path is
    logged on the server, never put in the message (before: the message named the file)."""
    path = tmp_path / "s.db"
    path.write_bytes(b"this is not sqlite " * 200)
    with caplog.at_level(logging.WARNING, logger="planner.scenarios._store"):
        with pytest.raises(StoreError, match="damaged or not a database") as err:
            ScenarioStore(f"sqlite:///{path}").list(ALICE)
    assert str(tmp_path) not in str(err.value)
    assert str(path) in caplog.text


def test_folder_that_cannot_be_made_gives_a_message_without_its_path(tmp_path):
    """A data folder under a file: StoreError naming the setting, not the path."""
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError) as err:
        ScenarioStore(f"sqlite:///{tmp_path / 'file' / 'sub' / 's.db'}").list(ALICE)
    assert str(tmp_path) not in str(err.value) and "PLANNER_" in str(err.value)


def test_read_only_database_refuses_saves_but_still_lists(tmp_path):
    """Opened read-only, listing works and saving says the database is read-only."""
    path = tmp_path / "s.db"
    ScenarioStore(f"sqlite:///{path}").save(ALICE, "Kept", LINK)
    ro = ScenarioStore(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert _names(ro) == ["Kept"]
    with pytest.raises(StoreError, match="read-only"):
        ro.save(ALICE, "New", LINK)


def test_locked_database_says_busy(tmp_path, monkeypatch):
    """While another connection holds the write lock, a save fails with 'busy', not a crash."""
    monkeypatch.setattr("planner.scenarios._store.BUSY_TIMEOUT_S", 1)
    path = tmp_path / "s.db"
    ScenarioStore(f"sqlite:///{path}").list(ALICE)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="busy"):
            ScenarioStore(f"sqlite:///{path}").save(ALICE, "Blocked", LINK)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def _v1_file(path) -> None:
    with sqlite3.connect(path) as conn:
        conn.executescript(V1_SQL.read_text(encoding="utf-8"))


def test_a_version_1_file_migrates_without_losing_a_row(tmp_path):
    """The version-1 fixture (one list for everyone, look-alike names, damaged rows): every
    row is kept under the local user, the NFD look-alike becomes "Café plan (2)", damaged
    rows stay (skipped and named), ids stay and are not reused, and the version is now 2."""
    path = tmp_path / "v1.db"
    _v1_file(path)
    store = ScenarioStore(f"sqlite:///{path}")
    listing = store.list(LOCAL_OWNER)
    assert sorted((s.id, s.name) for s in listing.scenarios) == [
        (1, "Base case"),
        (2, "Café plan"),
        (3, "Café plan (2)"),
        (4, "![x](https://evil.example/p.png)"),
    ]
    assert store.get(LOCAL_OWNER, 1).params == {"live_models": "3"}
    assert store.get(LOCAL_OWNER, 3).params == {"products": "3"}
    assert sorted(listing.skipped) == [Skipped(7, "Broken params"), Skipped(9, "Broken time")]
    store.delete(LOCAL_OWNER, 9)
    assert store.save(LOCAL_OWNER, "After", {}).id == 10
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    assert len(ScenarioStore(f"sqlite:///{path}").list(LOCAL_OWNER).scenarios) == 5


def _save_many(url: str, worker: int, count: int, start=None) -> None:
    if start is not None:
        start.wait(60)  # every process opens the (new) database at the same moment
    store = ScenarioStore(url)
    for i in range(count):
        store.save(ALICE, f"worker {worker} scenario {i}", {"seed": str(i)})


@contextmanager
def _spawning() -> Iterator[multiprocessing.context.SpawnContext]:
    """A spawn context whose processes start from a bare main module. Streamlit's AppTest
    leaves the last app script it ran as sys.modules["__main__"], and a spawned process runs
    the parent's main module again as it starts: after the app tests, that was app.py."""
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield multiprocessing.get_context("spawn")
    finally:
        sys.modules["__main__"] = main


def _concurrent(url: str, workers: int = 4, count: int = 25) -> None:
    with _spawning() as ctx:
        start = ctx.Event()
        procs = [
            ctx.Process(target=_save_many, args=(url, w, count, start)) for w in range(workers)
        ]
        for p in procs:
            p.start()
    start.set()
    for p in procs:
        p.join(timeout=120)
        assert p.exitcode == 0
    assert len(ScenarioStore(url).list(ALICE).scenarios) == workers * count


def test_concurrent_saves_from_several_processes_lose_nothing(tmp_path):
    """Four processes save 25 scenarios each into one SQLite file: all 100 are there."""
    _concurrent(f"sqlite:///{tmp_path / 's.db'}")


def _open_together(urls: list[str], worker: int, barrier) -> None:
    for url in urls:
        barrier.wait(60)  # every process meets each new database at the same moment
        ScenarioStore(url).save(LOCAL_OWNER, f"worker {worker}", {})


def _create_at_once(urls: list[str], workers: int = 6) -> None:
    with _spawning() as ctx:
        barrier = ctx.Barrier(workers)
        procs = [
            ctx.Process(target=_open_together, args=(urls, w, barrier)) for w in range(workers)
        ]
        for p in procs:
            p.start()
    for p in procs:
        p.join(timeout=120)
        assert p.exitcode == 0


def test_processes_creating_or_migrating_a_database_at_once_all_succeed(tmp_path):
    """Six processes open the same SQLite file at the same moment, four new files and then a
    version-1 file in a row: none fails, all six save, the schema version is recorded once,
    and the old file is migrated once with every old row kept once."""
    paths = [tmp_path / f"new{i}.db" for i in range(4)]
    old = tmp_path / "v1.db"
    _v1_file(old)
    _create_at_once([f"sqlite:///{path}" for path in [*paths, old]])
    for path in paths:
        with sqlite3.connect(path) as conn:
            assert conn.execute("SELECT count(*) FROM schema_version").fetchone() == (1,)
            assert conn.execute("SELECT count(*) FROM scenarios").fetchone() == (6,)
    with sqlite3.connect(old) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
        assert conn.execute("SELECT count(*) FROM scenarios").fetchone() == (6 + 6,)


BANDS = (
    "archetype,level,location,currency,p10,p25,p50,p75,p90,ml_specific,source,year,status,"
    "derivation\ndeveloper,senior,london,GBP,70000,85000,100000,120000,140000,True,Survey,2026,"
    "primary,ours\n"
)


def _bands_are_kept_for_their_owner(store: ScenarioStore) -> None:
    with_bands = store.save(ALICE, "With our survey", LINK, bands=BANDS)
    plain = store.save(ALICE, "Shipped data", LINK)
    listed = {s.name: s.has_bands for s in store.list(ALICE).scenarios}
    assert listed["With our survey"] and not listed["Shipped data"]
    assert store.bands(ALICE, with_bands.id, with_bands.revision) == BANDS
    assert store.bands(ALICE, plain.id) is None
    with pytest.raises(ScenarioGone):  # another owner cannot read them, nor learn they exist
        store.bands(BOB, with_bands.id)
    replaced = store.save(ALICE, "With our survey", LINK, overwrite=True)  # now shipped data
    assert not replaced.has_bands and store.bands(ALICE, replaced.id) is None
    with pytest.raises(ScenarioChanged):
        store.bands(ALICE, with_bands.id, with_bands.revision)


def test_uploaded_bands_are_kept_with_a_scenario_for_its_owner_only(store):
    _bands_are_kept_for_their_owner(store)


def test_bands_larger_than_an_upload_are_refused_and_nothing_is_saved(store, monkeypatch):
    monkeypatch.setattr("planner.scenarios._store.MAX_BANDS", len(BANDS) - 1)
    with pytest.raises(NameRefused, match="upload limit"):
        store.save(ALICE, "Too big", LINK, bands=BANDS)
    assert _names(store) == []


def test_a_version_2_file_gains_the_bands_column_and_keeps_its_rows(tmp_path):
    """A file written by the planner before bands were kept: its rows open, without bands,
    and new saves can keep bands."""
    path = tmp_path / "v2.db"
    store = ScenarioStore(f"sqlite:///{path}")
    old = store.save(ALICE, "Before", LINK)
    store.engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("ALTER TABLE scenarios DROP COLUMN bands")
        conn.execute("UPDATE schema_version SET version = 2")
    reopened = ScenarioStore(f"sqlite:///{path}")
    (before,) = reopened.list(ALICE).scenarios
    assert (before.id, before.params, before.has_bands) == (old.id, LINK, False)
    kept = reopened.save(ALICE, "After", LINK, bands=BANDS)
    assert reopened.bands(ALICE, kept.id) == BANDS
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]


# ---- PostgreSQL: a real server, started here (CI installs Debian's postgresql) -------------


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    with running_postgres() as url:
        yield url


def test_crud_and_owners_on_postgresql(postgres_url):
    """The same operations, and the same separation of owners, on a real PostgreSQL."""
    store = ScenarioStore(fresh_database(postgres_url, "crud"))
    _crud(store)
    _owners_are_separate(store)
    _bands_are_kept_for_their_owner(store)


def test_concurrent_saves_on_postgresql(postgres_url):
    """Four processes saving at once into PostgreSQL lose nothing."""
    _concurrent(fresh_database(postgres_url, "concurrent"))


def test_processes_creating_the_postgresql_tables_at_once_all_succeed(postgres_url):
    """Six processes meet new PostgreSQL databases without our tables at the same moment
    (three in a row): none fails and the schema version is recorded once in each."""
    urls = [fresh_database(postgres_url, f"fresh{i}") for i in range(3)]
    _create_at_once(urls)
    for url in urls:
        engine = create_engine(url)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM schema_version")).scalar() == 1
            assert conn.execute(text("SELECT count(*) FROM scenarios")).scalar() == 6
        engine.dispose()


def test_a_version_1_postgresql_database_migrates_without_losing_a_row(postgres_url):
    """Version-1 tables as that planner created them on PostgreSQL, with NFC and NFD look-
    alikes: every row kept under the local user, new ids continue after the old ones."""
    url = fresh_database(postgres_url, "v1")
    v1 = MetaData()
    Table("schema_version", v1, Column("version", Integer, nullable=False))
    old = Table(
        "scenarios",
        v1,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("name", String(80), nullable=False, unique=True),
        Column("params", Text, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False),
    )
    engine = create_engine(url)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        v1.create_all(conn)
        conn.execute(text("INSERT INTO schema_version VALUES (1)"))
        for name in ("Base", unicodedata.normalize("NFC", "é"), unicodedata.normalize("NFD", "é")):
            conn.execute(
                old.insert().values(name=name, params="{}", created_at=now, updated_at=now)
            )
    engine.dispose()
    store = ScenarioStore(url)
    assert sorted(_names(store, LOCAL_OWNER)) == ["Base", "é", "é (2)"]
    assert store.save(LOCAL_OWNER, "After", {}).id == 4


def test_unreachable_server_gives_a_clear_message():
    """A server that is not there is reported as unreachable, without password or host."""
    port = _free_port()
    store = ScenarioStore(f"postgresql+psycopg://user:secret@127.0.0.1:{port}/x")
    with pytest.raises(StoreError, match="cannot be reached") as err:
        store.list(ALICE)
    assert "secret" not in str(err.value) and str(port) not in str(err.value)


def test_an_unexpected_failure_gives_a_reference_not_the_detail(store, caplog):
    """A failure the store does not recognise: a message with a log reference; the detail
    (here a missing table) is only in the server log."""
    store.list(ALICE)
    with store.engine.begin() as conn:
        conn.execute(text("DROP TABLE scenarios"))
    with caplog.at_level(logging.WARNING, logger="planner.scenarios._store"):
        with pytest.raises(StoreError, match=r"reference [0-9a-f]{6}") as err:
            store.list(ALICE)
    assert "no such table" not in str(err.value) and "no such table" in caplog.text
