"""Saved scenarios, through SQLAlchemy: SQLite by default, any database URL for a team server.

A scenario is a name plus the share-link parameters of a plan (strings only, JSON-encoded):
opening one runs them through the same validation as a link. Every change is one
transaction; a locked, read-only, corrupt or unreachable database raises StoreError with a
message a user can act on, and the rest of the app keeps working.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict
from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

SCHEMA_VERSION = 1
URL_ENV = "PLANNER_DATABASE_URL"
DIR_ENV = "PLANNER_DATA_DIR"
MAX_NAME = 80
MAX_PARAMS = 20_000  # characters of JSON; a full link is well under 2,000
BUSY_TIMEOUT_S = 10
WRITE_OPTION = "planner_write"  # execution option: this transaction will write
SCHEMA_LOCK_KEY = 0x504C414E  # pg advisory lock held while creating the tables ("PLAN")

metadata = MetaData()
schema_table = Table("schema_version", metadata, Column("version", Integer, nullable=False))
scenarios = Table(
    "scenarios",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(MAX_NAME), nullable=False, unique=True),
    Column("params", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)


class StoreError(RuntimeError):
    """The scenario database cannot do what was asked; the message says why and what to do."""


class Scenario(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    params: dict[str, str]
    created_at: datetime
    updated_at: datetime


def default_url() -> str:
    """PLANNER_DATABASE_URL if set; else SQLite in PLANNER_DATA_DIR (or ~/.ml-team-planner)."""
    if url := os.environ.get(URL_ENV):
        return url
    folder = Path(os.environ.get(DIR_ENV) or Path.home() / ".ml-team-planner")
    return f"sqlite:///{folder / 'scenarios.db'}"


def clean_name(name: str) -> str:
    """A scenario name, trimmed; ValueError says what is wrong with it."""
    text = " ".join(name.split())
    if not text:
        raise ValueError("give the scenario a name")
    if len(text) > MAX_NAME:
        raise ValueError(f"names are at most {MAX_NAME} characters")
    if any(unicodedata.category(c).startswith("C") for c in text):
        raise ValueError("names cannot contain control characters")
    return text


def _explain(exc: Exception, url: str) -> StoreError:
    text = str(exc).lower()
    where = url.split("@")[-1]  # never echo a password from the URL
    if "locked" in text or "busy" in text:
        return StoreError(
            f"The scenario database ({where}) is busy: another session is saving. "
            "Try again in a moment."
        )
    if "readonly" in text or "read-only" in text or "read only" in text:
        return StoreError(
            f"The scenario database ({where}) is read-only, so nothing can be "
            "saved. Ask whoever runs the planner to make it writable."
        )
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return StoreError(
            f"The scenario database ({where}) is damaged or not a database. Move it "
            "aside; the planner will start a new one."
        )
    if "unable to open" in text or "could not connect" in text or "connection" in text:
        return StoreError(
            f"The scenario database ({where}) cannot be reached. Check {URL_ENV} or {DIR_ENV}."
        )
    return StoreError(f"The scenario database ({where}) failed: {str(exc).splitlines()[0][:200]}")


class ScenarioStore:
    """Named scenarios in one database. Cheap to create; opens lazily on first use."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url or default_url()
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = self._connect()
        return self._engine

    def _connect(self) -> Engine:
        try:
            if self.url.startswith("sqlite:///") and "mode=ro" not in self.url:
                path = Path(self.url.removeprefix("sqlite:///"))
                path.parent.mkdir(parents=True, exist_ok=True)
            is_sqlite = self.url.startswith("sqlite")
            engine = create_engine(
                self.url,
                connect_args={"timeout": BUSY_TIMEOUT_S} if is_sqlite else {"connect_timeout": 5},
                pool_pre_ping=not is_sqlite,
            )
            if is_sqlite:
                event.listen(engine, "connect", _sqlite_connect)
                event.listen(engine, "begin", _sqlite_begin)
            _ensure_schema(engine)
            return engine
        except StoreError:
            raise
        except (SQLAlchemyError, OSError) as exc:
            raise _explain(exc, self.url) from exc

    @contextmanager
    def _transaction(self, write: bool = False) -> Iterator[Connection]:
        try:
            with _begin(self.engine, write) as conn:
                yield conn
        except (StoreError, ValueError):
            raise
        except IntegrityError as exc:
            raise ValueError("a scenario with that name already exists; pick another name") from exc
        except SQLAlchemyError as exc:
            raise _explain(exc, self.url) from exc

    def save(self, name: str, params: Mapping[str, str], overwrite: bool = False) -> Scenario:
        """Save (or, with overwrite, replace) a named scenario in one transaction."""
        name = clean_name(name)
        payload = json.dumps(dict(sorted(params.items())), ensure_ascii=False)
        if len(payload) > MAX_PARAMS:
            raise ValueError("this scenario is too large to save")
        now = datetime.now(UTC)
        with self._transaction(write=True) as conn:
            exists = conn.execute(select(scenarios.c.id).where(scenarios.c.name == name)).first()
            if exists and not overwrite:
                raise ValueError(
                    f"a scenario named “{name}” already exists; rename it or overwrite it"
                )
            if exists:
                conn.execute(
                    update(scenarios)
                    .where(scenarios.c.name == name)
                    .values(params=payload, updated_at=now)
                )
            else:
                conn.execute(
                    insert(scenarios).values(
                        name=name, params=payload, created_at=now, updated_at=now
                    )
                )
        return self.get(name)

    def list(self) -> list[Scenario]:
        with self._transaction() as conn:
            rows = conn.execute(select(scenarios).order_by(scenarios.c.updated_at.desc())).all()
        return [_scenario(r) for r in rows]

    def get(self, name: str) -> Scenario:
        with self._transaction() as conn:
            row = conn.execute(select(scenarios).where(scenarios.c.name == name)).first()
        if row is None:
            raise ValueError(f"no scenario named “{name}”")
        return _scenario(row)

    def rename(self, old: str, new: str) -> Scenario:
        new = clean_name(new)
        with self._transaction(write=True) as conn:
            done = conn.execute(
                update(scenarios)
                .where(scenarios.c.name == old)
                .values(name=new, updated_at=datetime.now(UTC))
            )
            if done.rowcount == 0:
                raise ValueError(f"no scenario named “{old}”")
        return self.get(new)

    def delete(self, name: str) -> None:
        with self._transaction(write=True) as conn:
            done = conn.execute(delete(scenarios).where(scenarios.c.name == name))
            if done.rowcount == 0:
                raise ValueError(f"no scenario named “{name}”")


def _ensure_schema(engine: Engine) -> None:
    """Create the tables and record the schema version once. On SQLite (BEGIN IMMEDIATE) and
    PostgreSQL (an advisory lock) this holds with several processes opening a new database
    at the same moment; other databases get SQLAlchemy's create_all as it is."""
    with engine.connect() as conn:
        if engine.dialect.has_table(conn, schema_table.name):
            version = conn.execute(select(schema_table.c.version)).scalar()
            if version is not None:
                _check_version(version)
                return
    with _begin(engine, write=True) as conn:
        if engine.dialect.name == "postgresql":
            # Serialise creators: two CREATE TABLEs of one name would race on the catalog.
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
        metadata.create_all(conn)
        version = conn.execute(select(schema_table.c.version)).scalar()
        if version is None:
            conn.execute(insert(schema_table).values(version=SCHEMA_VERSION))
        else:
            _check_version(version)


@contextmanager
def _begin(engine: Engine, write: bool) -> Iterator[Connection]:
    """One transaction; a writer says so up front (SQLite then begins IMMEDIATE)."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITE_OPTION: write})
        with conn.begin():
            yield conn


def _check_version(version: int) -> None:
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"The scenario database uses schema version {version}; this planner "
            f"knows {SCHEMA_VERSION}. Upgrade the planner to open it."
        )


def _sqlite_connect(dbapi_conn: object, _record: object) -> None:
    # We issue BEGIN ourselves (_sqlite_begin): the sqlite3 module would otherwise start
    # transactions only before INSERT/UPDATE/DELETE, leaving reads and DDL outside them.
    dbapi_conn.isolation_level = None  # type: ignore[attr-defined]
    cursor = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    # A writer takes the write lock at BEGIN, so two writers queue on the busy timeout instead
    # of both reading and then one failing to upgrade its lock (SQLite does not wait then).
    write = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _scenario(row: object) -> Scenario:
    data = row._mapping  # type: ignore[attr-defined]
    raw = json.loads(data["params"])
    params = {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
    return Scenario(
        name=data["name"],
        params=params,
        created_at=data["created_at"],
        updated_at=data["updated_at"],
    )
