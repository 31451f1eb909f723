"""Saved scenarios, through SQLAlchemy: SQLite by default, any database URL for a team server.

A scenario is a name plus the share-link parameters of a plan (strings only, JSON-encoded):
opening one runs them through the same validation as a link. A plan made with uploaded salary
bands keeps them too (a link cannot carry them): the bands as CSV in the upload format, which
the page checks again like an upload before using them. Every scenario belongs to one
owner (a signed-in user's key, or LOCAL_OWNER for the single-user default) and every call
names the owner: nobody reaches another owner's rows through this API. Actions take the id and
revision the user saw, so a scenario deleted, renamed or replaced in the meantime is reported
(ScenarioGone, ScenarioChanged), never swapped for another. Names are NFC-normalised and
unique per owner ignoring case ("Lean" and "lean" are one scenario).

Every failure is a StoreError with a message a visitor can act on; it never contains a file
path, host or password (the detail goes to this module's logger). A row that cannot be read is
skipped by list() and reported by id and name, not by content.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import unicodedata
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

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
    UniqueConstraint,
    and_,
    create_engine,
    delete,
    event,
    insert,
    select,
    text,
    type_coerce,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, SQLAlchemyError

from planner.bounds import BENCHMARKS_UPLOAD

# 3: uploaded bands; 2: owner, name_key and revision (1 had one global list of names)
SCHEMA_VERSION = 3
URL_ENV = "PLANNER_DATABASE_URL"
DIR_ENV = "PLANNER_DATA_DIR"
LOCAL_OWNER = "local"  # the single user of a planner without sign-in; version-1 rows get it
MAX_NAME = 80
MAX_OWNER = 512
MAX_PARAMS = 20_000  # characters of JSON; a full link is well under 2,000
MAX_BANDS = BENCHMARKS_UPLOAD.max_bytes  # characters of CSV: what an upload may hold
BUSY_TIMEOUT_S = 10
WRITE_OPTION = "planner_write"  # execution option: this transaction will write
SCHEMA_LOCK_KEY = 0x504C414E  # pg advisory lock held while creating the tables ("PLAN")

log = logging.getLogger(__name__)
metadata = MetaData()
schema_table = Table("schema_version", metadata, Column("version", Integer, nullable=False))
scenarios = Table(
    "scenarios",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("owner", String(MAX_OWNER), nullable=False),
    Column("name", String(MAX_NAME), nullable=False),
    Column("name_key", String(4 * MAX_NAME), nullable=False),  # casefold can lengthen a name
    Column("params", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("bands", Text, nullable=True),  # uploaded bands (CSV), or NULL: the shipped data
    UniqueConstraint("owner", "name_key", name="uq_scenarios_owner_name"),
    # Ids are never reused on SQLite either: a deleted id must not come back as another
    # scenario while someone still holds it in a Delete prompt.
    sqlite_autoincrement=True,
)


class StoreError(RuntimeError):
    """The scenario database cannot do what was asked; the message says why and what to do."""


class NameRefused(StoreError):
    """The name is empty, too long, has control characters, or is already taken."""


class ScenarioGone(StoreError):
    """The scenario is not there for this owner (deleted, or never theirs: they look alike)."""


class ScenarioChanged(StoreError):
    """The scenario was renamed or replaced since the user chose it."""


class Scenario(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    name: str
    params: dict[str, str]
    created_at: datetime
    updated_at: datetime
    revision: int
    has_bands: bool = False  # made with uploaded bands, kept with it (ScenarioStore.bands)


class Skipped(NamedTuple):
    """A row that could not be read: named by id and (as stored) name, never by content."""

    id: int
    name: str


class Listing(NamedTuple):
    scenarios: list[Scenario]
    skipped: list[Skipped]


def default_url() -> str:
    """PLANNER_DATABASE_URL if set; else SQLite in PLANNER_DATA_DIR (or ~/.ml-team-planner)."""
    if url := os.environ.get(URL_ENV):
        return url
    folder = Path(os.environ.get(DIR_ENV) or Path.home() / ".ml-team-planner")
    return f"sqlite:///{folder / 'scenarios.db'}"


def clean_name(name: str) -> str:
    """A scenario name, NFC-normalised and trimmed; ValueError says what is wrong with it."""
    text = " ".join(unicodedata.normalize("NFC", name).split())
    if not text:
        raise ValueError("give the scenario a name")
    if len(text) > MAX_NAME:
        raise ValueError(f"names are at most {MAX_NAME} characters")
    if any(unicodedata.category(c).startswith("C") for c in text):
        raise ValueError("names cannot contain control or invisible characters")
    return text


def name_key(name: str) -> str:
    """What makes two names the same scenario: equal after NFC and case folding."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


def _shown_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(an unreadable database URL)"


def _explain(exc: BaseException, url: str) -> StoreError:
    """The user's message for a database failure; the detail (never shown) goes to the log."""
    ref = secrets.token_hex(3)
    log.error("scenario store %s failed (ref %s): %r", _shown_url(url), ref, exc)
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StoreError(
            "The scenario database is busy: another session is saving. Try again in a moment."
        )
    if "readonly" in text or "read-only" in text or "read only" in text:
        return StoreError(
            "The scenario database is read-only, so nothing can be saved. Ask whoever runs "
            "the planner to make it writable."
        )
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return StoreError(
            "The scenario database is damaged or not a database. Ask whoever runs the planner "
            "to move it aside; the planner will start a new one."
        )
    if isinstance(exc, OSError) or "permission denied" in text:
        return StoreError(
            "The planner cannot create or open its scenario database. Ask whoever runs it to "
            f"check {DIR_ENV} (a folder it may write to) or {URL_ENV}."
        )
    if "unable to open" in text or "could not connect" in text or "connection" in text:
        return StoreError(
            f"The scenario database cannot be reached. Ask whoever runs the planner to check "
            f"{URL_ENV} or {DIR_ENV}."
        )
    return StoreError(
        "The scenario database failed unexpectedly. Try again; if it persists, ask whoever "
        f"runs the planner to look for reference {ref} in the server log."
    )


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
        except Exception as exc:  # a driver, a path, a URL: whatever it is, one clear message
            raise _explain(exc, self.url) from exc

    @contextmanager
    def _transaction(self, write: bool = False) -> Iterator[Connection]:
        try:
            with _begin(self.engine, write) as conn:
                yield conn
        except StoreError:
            raise
        except IntegrityError as exc:
            raise NameRefused(
                "A scenario with that name was saved at the same moment elsewhere; "
                "pick another name or try again."
            ) from exc
        except (SQLAlchemyError, OSError) as exc:
            raise _explain(exc, self.url) from exc

    def save(
        self,
        owner: str,
        name: str,
        params: Mapping[str, str],
        overwrite: bool = False,
        bands: str | None = None,
    ) -> Scenario:
        """Save (or, with overwrite, replace) the owner's scenario of that name, with the
        uploaded bands it was made with (CSV), if any."""
        name = _checked_name(name)
        payload = json.dumps(dict(sorted(params.items())), ensure_ascii=False)
        if len(payload) > MAX_PARAMS:
            raise NameRefused("This scenario is too large to save.")
        if bands is not None and len(bands) > MAX_BANDS:
            raise NameRefused(
                f"This scenario's uploaded bands are larger than {BENCHMARKS_UPLOAD.text}, the "
                "upload limit; upload only the bands the plan needs and save again."
            )
        now = datetime.now(UTC)
        mine = scenarios.c.owner == owner
        with self._transaction(write=True) as conn:
            found = conn.execute(
                select(scenarios.c.id).where(mine, scenarios.c.name_key == name_key(name))
            ).first()
            if found and not overwrite:
                raise NameRefused(
                    f"A scenario named “{name}” already exists; pick another name or tick "
                    "“Replace”."
                )
            if found:
                conn.execute(
                    update(scenarios)
                    .where(mine, scenarios.c.id == found.id)
                    .values(
                        name=name,
                        params=payload,
                        bands=bands,
                        updated_at=now,
                        revision=scenarios.c.revision + 1,
                    )
                )
                scenario_id = found.id
            else:
                added = conn.execute(
                    insert(scenarios).values(
                        owner=owner,
                        name=name,
                        name_key=name_key(name),
                        params=payload,
                        bands=bands,
                        created_at=now,
                        updated_at=now,
                        revision=1,
                    )
                ).inserted_primary_key
                assert added is not None  # an INSERT of one row always has its key
                scenario_id = int(added[0])
            return _read(conn, owner, scenario_id)

    def list(self, owner: str) -> Listing:
        """The owner's scenarios, newest first, and the rows that could not be read."""
        with self._transaction() as conn:
            rows = conn.execute(
                _raw_select()
                .where(scenarios.c.owner == owner)
                .order_by(scenarios.c.updated_at.desc(), scenarios.c.id.desc())
            ).all()
        found: list[Scenario] = []
        skipped: list[Skipped] = []
        for row in rows:
            try:
                found.append(_scenario(row._mapping))
            except (TypeError, ValueError) as exc:
                log.warning("scenario row %r skipped: %s", row.id, type(exc).__name__)
                skipped.append(Skipped(_int_or(row.id, -1), _name_of(row.name)))
        return Listing(found, skipped)

    def get(self, owner: str, scenario_id: int, revision: int | None = None) -> Scenario:
        """The owner's scenario with that id (and revision, if given), as it is now."""
        with self._transaction() as conn:
            return _read(conn, owner, scenario_id, revision)

    def bands(self, owner: str, scenario_id: int, revision: int | None = None) -> str | None:
        """The uploaded bands (CSV) the owner's scenario was saved with, or None."""
        with self._transaction() as conn:
            _row(conn, owner, scenario_id, revision)
            value = conn.execute(
                select(type_coerce(scenarios.c.bands, Text)).where(_is(owner, scenario_id))
            ).scalar()
        return value if isinstance(value, str) else None

    def rename(
        self, owner: str, scenario_id: int, new_name: str, revision: int | None = None
    ) -> Scenario:
        """Rename the owner's scenario, if it is still the one chosen and the name is free."""
        new_name = _checked_name(new_name)
        with self._transaction(write=True) as conn:
            taken = conn.execute(
                select(scenarios.c.id).where(
                    scenarios.c.owner == owner,
                    scenarios.c.name_key == name_key(new_name),
                    scenarios.c.id != scenario_id,
                )
            ).first()
            if taken:
                raise NameRefused(f"A scenario named “{new_name}” already exists; pick another.")
            done = conn.execute(
                update(scenarios)
                .where(_is(owner, scenario_id, revision))
                .values(
                    name=new_name,
                    name_key=name_key(new_name),
                    updated_at=datetime.now(UTC),
                    revision=scenarios.c.revision + 1,
                )
            )
            if done.rowcount == 0:
                _explain_miss(conn, owner, scenario_id, revision)
            return _read(conn, owner, scenario_id)

    def delete(self, owner: str, scenario_id: int, revision: int | None = None) -> None:
        """Delete the owner's scenario, if it is still the one chosen (same revision)."""
        with self._transaction(write=True) as conn:
            done = conn.execute(delete(scenarios).where(_is(owner, scenario_id, revision)))
            if done.rowcount == 0:
                _explain_miss(conn, owner, scenario_id, revision)


def _checked_name(name: str) -> str:
    try:
        return clean_name(name)
    except ValueError as exc:
        raise NameRefused(str(exc)[0].upper() + str(exc)[1:] + ".") from exc


def _is(owner: str, scenario_id: int, revision: int | None = None) -> Any:
    condition = and_(scenarios.c.owner == owner, scenarios.c.id == scenario_id)
    return condition if revision is None else and_(condition, scenarios.c.revision == revision)


def _raw_select() -> Any:
    """Every column as the database holds it: a damaged value fails in _scenario, for its row
    only, not inside SQLAlchemy's result processing for the whole query. The bands (up to
    megabytes) are not read, only whether there are any."""
    columns = [c for c in scenarios.columns if c.name != "bands"]
    return select(
        *(type_coerce(c, Text).label(c.name) for c in columns),
        scenarios.c.bands.is_not(None).label("has_bands"),
    )


def _row(conn: Connection, owner: str, scenario_id: int, revision: int | None) -> Any:
    """The owner's row with that id, raw; ScenarioGone or ScenarioChanged if it is not the
    one the user chose."""
    row = conn.execute(_raw_select().where(_is(owner, scenario_id))).first()
    if row is None:
        raise ScenarioGone(
            "That scenario is no longer there: it was deleted, perhaps in another session. "
            "Nothing was changed."
        )
    if revision is not None and _int_or(row.revision, -1) != revision:
        raise ScenarioChanged(
            f"“{_name_of(row.name)}” was changed in another session since you chose it "
            "(renamed or replaced). Nothing was done; check it and try again."
        )
    return row


def _explain_miss(conn: Connection, owner: str, scenario_id: int, revision: int | None) -> None:
    """An update or delete by id and revision touched nothing: raise why."""
    _row(conn, owner, scenario_id, revision)
    raise ScenarioChanged("That scenario changed while you acted on it. Nothing was done.")


def _read(conn: Connection, owner: str, scenario_id: int, revision: int | None = None) -> Scenario:
    row = _row(conn, owner, scenario_id, revision)
    try:
        return _scenario(row._mapping)
    except (TypeError, ValueError) as exc:
        log.warning("scenario row %r unreadable: %s", scenario_id, type(exc).__name__)
        raise StoreError(
            f"“{_name_of(row.name)}” cannot be read: its saved data is damaged. Delete it and "
            "save the plan again."
        ) from exc


def _scenario(data: Mapping[Any, Any]) -> Scenario:
    """A row read raw (_raw_select); TypeError or ValueError if any value is damaged."""
    raw = json.loads(data["params"])
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise ValueError("params are not a mapping of strings")
    return Scenario(
        id=int(data["id"]),
        name=clean_name(data["name"]),
        params=raw,
        created_at=_timestamp(data["created_at"]),
        updated_at=_timestamp(data["updated_at"]),
        revision=int(data["revision"]),
        has_bands=bool(data.get("has_bands")),
    )


def _timestamp(value: object) -> datetime:
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        moment = datetime.fromisoformat(value)
    else:
        raise TypeError("not a timestamp")
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _int_or(value: object, default: int) -> int:
    try:
        return int(value)  # type: ignore[call-overload, no-any-return]
    except (TypeError, ValueError):
        return default


def _name_of(value: object) -> str:
    return value if isinstance(value, str) else "(unnamed)"


# ---- schema: creation, version check, migration -------------------------------------------


def _ensure_schema(engine: Engine) -> None:
    """Create or migrate the tables and record the schema version once. On SQLite (BEGIN
    IMMEDIATE) and PostgreSQL (an advisory lock) this holds with several processes opening a
    new or old database at the same moment; other databases get create_all as it is."""
    with engine.connect() as conn:
        if _read_version(conn) == SCHEMA_VERSION:
            return
    with _begin(engine, write=True) as conn:
        if engine.dialect.name == "postgresql":
            # Serialise creators: two CREATE TABLEs of one name would race on the catalog.
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
        version = _read_version(conn)
        if version == 1:
            _migrate_from_1(conn)  # builds the current table: the bands column included
        elif version == 2:
            conn.execute(text("ALTER TABLE scenarios ADD COLUMN bands TEXT"))
        metadata.create_all(conn)
        if version is None:
            conn.execute(insert(schema_table).values(version=SCHEMA_VERSION))
        elif version != SCHEMA_VERSION:
            conn.execute(update(schema_table).values(version=SCHEMA_VERSION))


def _read_version(conn: Connection) -> int | None:
    """The recorded schema version (None for a new database); StoreError if it is one this
    planner cannot use."""
    if not conn.dialect.has_table(conn, schema_table.name):
        return None
    version = conn.execute(select(type_coerce(schema_table.c.version, Text))).scalar()
    if version is None:
        return None
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise StoreError(
            "The scenario database's schema version is unreadable: it was not written by "
            "this planner, or it is damaged. Ask whoever runs the planner to move it aside."
        )
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"The scenario database uses schema version {version}; this planner "
            f"knows {SCHEMA_VERSION}. Upgrade the planner to open it."
        )
    return version


def _migrate_from_1(conn: Connection) -> None:
    """Version 1 had one list of names for everyone: every row goes to LOCAL_OWNER as it is
    (raw values, damaged ones too), renamed "… (2)" only where two names were look-alikes."""
    rows = conn.execute(
        text("SELECT id, name, params, created_at, updated_at FROM scenarios ORDER BY id")
    ).all()
    new = scenarios.to_metadata(MetaData(), name="scenarios_v2")
    new.create(conn)
    taken: set[str] = set()
    for row in rows:
        name = unicodedata.normalize("NFC", _name_of(row.name))[:MAX_NAME]
        base, n = name, 1
        while name_key(name) in taken:
            n += 1
            suffix = f" ({n})"
            name = base[: MAX_NAME - len(suffix)] + suffix
        taken.add(name_key(name))
        conn.execute(
            text(
                "INSERT INTO scenarios_v2 (id, owner, name, name_key, params, created_at, "
                "updated_at, revision) VALUES (:id, :owner, :name, :key, :params, :created, "
                ":updated, 1)"
            ),
            {
                "id": row.id,
                "owner": LOCAL_OWNER,
                "name": name,
                "key": name_key(name),
                "params": row.params,
                "created": row.created_at,
                "updated": row.updated_at,
            },
        )
    conn.execute(text("DROP TABLE scenarios"))
    conn.execute(text("ALTER TABLE scenarios_v2 RENAME TO scenarios"))
    if conn.dialect.name == "postgresql":  # the copied ids: the next one comes after them
        conn.execute(
            text(
                "SELECT setval(pg_get_serial_sequence('scenarios', 'id'), "
                "coalesce(max(id), 0) + 1, false) FROM scenarios"
            )
        )


@contextmanager
def _begin(engine: Engine, write: bool) -> Iterator[Connection]:
    """One transaction; a writer says so up front (SQLite then begins IMMEDIATE)."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITE_OPTION: write})
        with conn.begin():
            yield conn


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
