"""Saved scenarios: CRUD, schema version, bad databases, concurrent saves, real PostgreSQL."""

from __future__ import annotations

import glob
import multiprocessing
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import types
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text

from planner.store import ScenarioStore, StoreError, clean_name

LINK = {"live_models": "3", "products": "3", "agency_fee": "0.25"}


@pytest.fixture
def store(tmp_path) -> ScenarioStore:
    return ScenarioStore(f"sqlite:///{tmp_path / 'nested' / 'scenarios.db'}")


def _crud(store: ScenarioStore) -> None:
    saved = store.save("Base case", LINK)
    assert saved.params == LINK
    store.save("Lean", {"level": "mid"})
    assert {s.name for s in store.list()} == {"Base case", "Lean"}
    with pytest.raises(ValueError, match="already exists"):
        store.save("Base case", {})
    store.save("Base case", {"live_models": "4"}, overwrite=True)
    assert store.get("Base case").params == {"live_models": "4"}
    store.rename("Lean", "Lean team")
    with pytest.raises(ValueError, match="already exists"):
        store.rename("Lean team", "Base case")
    store.delete("Base case")
    assert [s.name for s in store.list()] == ["Lean team"]
    with pytest.raises(ValueError, match="no scenario named"):
        store.delete("Base case")


def test_crud_on_sqlite_creates_the_folder(store, tmp_path):
    """Save, list, overwrite, rename and delete; the folder is made on first use."""
    _crud(store)
    assert (tmp_path / "nested" / "scenarios.db").exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "give the scenario a name"), ("x" * 81, "at most 80"), ("a\x00b", "control characters")],
)
def test_bad_names_are_refused(name, message):
    """Empty, overlong or control-character names are refused with the reason."""
    with pytest.raises(ValueError, match=message):
        clean_name(name)


def test_newer_schema_is_refused(tmp_path):
    """A database from a newer planner is not touched; the message says to upgrade."""
    path = tmp_path / "s.db"
    ScenarioStore(f"sqlite:///{path}").list()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(StoreError, match="schema version 99"):
        ScenarioStore(f"sqlite:///{path}").list()


def test_corrupt_file_gives_a_clear_message(tmp_path):
    """A file that is not a database is reported as damaged, with what to do."""
    path = tmp_path / "s.db"
    path.write_bytes(b"this is not sqlite " * 200)
    with pytest.raises(StoreError, match="damaged or not a database"):
        ScenarioStore(f"sqlite:///{path}").list()


def test_read_only_database_refuses_saves_but_still_lists(tmp_path):
    """Opened read-only, listing works and saving says the database is read-only."""
    path = tmp_path / "s.db"
    ScenarioStore(f"sqlite:///{path}").save("Kept", LINK)
    ro = ScenarioStore(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert [s.name for s in ro.list()] == ["Kept"]
    with pytest.raises(StoreError, match="read-only"):
        ro.save("New", LINK)


def test_locked_database_says_busy(tmp_path, monkeypatch):
    """While another connection holds the write lock, a save fails with 'busy', not a crash."""
    monkeypatch.setattr("planner.store.BUSY_TIMEOUT_S", 1)
    path = tmp_path / "s.db"
    ScenarioStore(f"sqlite:///{path}").list()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="busy"):
            ScenarioStore(f"sqlite:///{path}").save("Blocked", LINK)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def _save_many(url: str, worker: int, count: int, start=None) -> None:
    if start is not None:
        start.wait(60)  # every process opens the (new) database at the same moment
    store = ScenarioStore(url)
    for i in range(count):
        store.save(f"worker {worker} scenario {i}", {"seed": str(i)})


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
    assert len(ScenarioStore(url).list()) == workers * count


def test_concurrent_saves_from_several_processes_lose_nothing(tmp_path):
    """Four processes save 25 scenarios each into one SQLite file: all 100 are there."""
    _concurrent(f"sqlite:///{tmp_path / 's.db'}")


def _open_together(urls: list[str], worker: int, barrier) -> None:
    for url in urls:
        barrier.wait(60)  # every process meets each new database at the same moment
        ScenarioStore(url).save(f"worker {worker}", {})


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


def test_processes_creating_a_new_database_at_once_all_succeed(tmp_path):
    """Six processes open the same new SQLite file at the same moment (five new files in a
    row): none fails, all six save, and the schema version is recorded once."""
    paths = [tmp_path / f"new{i}.db" for i in range(5)]
    _create_at_once([f"sqlite:///{path}" for path in paths])
    for path in paths:
        with sqlite3.connect(path) as conn:
            assert conn.execute("SELECT count(*) FROM schema_version").fetchone() == (1,)
            assert conn.execute("SELECT count(*) FROM scenarios").fetchone() == (6,)


# ---- PostgreSQL: a real server, started here (CI installs Debian's postgresql) -------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not binaries:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is missing in CI: .ci/run must apt-get install postgresql")
        pytest.skip("PostgreSQL server binaries not installed (apt-get install postgresql)")
    bin_dir, port = binaries[-1], _free_port()
    folder = tempfile.mkdtemp(prefix="planner-pg-")
    as_root = os.geteuid() == 0
    if as_root:
        shutil.chown(folder, "postgres")

    def run(cmd: str) -> None:
        argv = ["su", "postgres", "-s", "/bin/sh", "-c", cmd] if as_root else ["sh", "-c", cmd]
        subprocess.run(argv, check=True, capture_output=True, timeout=120)

    run(f"{bin_dir}/initdb -D {folder}/data -A trust -U postgres")
    run(
        f"{bin_dir}/pg_ctl -D {folder}/data -o '-p {port} -k {folder} "
        f"-c listen_addresses=127.0.0.1' -l {folder}/log -w start"
    )
    url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with create_engine(url).connect() as conn:
                    conn.execute(text("select 1"))
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        yield url
    finally:
        run(f"{bin_dir}/pg_ctl -D {folder}/data -m fast stop")
        shutil.rmtree(folder, ignore_errors=True)


def test_crud_on_postgresql(postgres_url):
    """The same operations against a real PostgreSQL server."""
    _crud(ScenarioStore(postgres_url))


def test_concurrent_saves_on_postgresql(postgres_url):
    """Four processes saving at once into PostgreSQL lose nothing."""
    ScenarioStore(postgres_url).list()  # the tables exist whichever test ran first
    with create_engine(postgres_url).begin() as conn:
        conn.execute(text("DELETE FROM scenarios"))
    _concurrent(postgres_url)


def test_processes_creating_the_postgresql_tables_at_once_all_succeed(postgres_url):
    """Six processes meet new PostgreSQL databases without our tables at the same moment
    (three in a row): none fails and the schema version is recorded once in each."""
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    names = [f"fresh{i}" for i in range(3)]
    with admin.connect() as conn:
        for name in names:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
            conn.execute(text(f"CREATE DATABASE {name}"))
    urls = [postgres_url.rsplit("/", 1)[0] + "/" + name for name in names]
    _create_at_once(urls)
    for url in urls:
        engine = create_engine(url)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM schema_version")).scalar() == 1
            assert conn.execute(text("SELECT count(*) FROM scenarios")).scalar() == 6
        engine.dispose()


def test_unreachable_server_gives_a_clear_message():
    """A server that is not there is reported as unreachable, without the password."""
    store = ScenarioStore(f"postgresql+psycopg://user:secret@127.0.0.1:{_free_port()}/x")
    with pytest.raises(StoreError, match="cannot be reached") as err:
        store.list()
    assert "secret" not in str(err.value)
