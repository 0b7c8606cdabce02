"""Opening a store: URL handling, SQLite settings (WAL, FTS5), PostgreSQL, and migrations on open."""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

from ..errors import MissingExtra, StoreError, StoreMissing

#: Used when neither ``--db`` nor ``ONRECORD_DB`` says where the store is.
DEFAULT_DB = "onrecord.db"
#: the Alembic script location inside the installed package
MIGRATIONS = "onrecord.store:migrations"
#: a fixed key for PostgreSQL's advisory lock, so two processes opening a new store migrate one at a time
_MIGRATION_LOCK = 0x6F6E7265  # "onre"


def database_url(db: str | os.PathLike | None = None) -> str:
    """The SQLAlchemy URL for ``--db``: a SQLite path, or any SQLAlchemy URL (``postgresql://…``).

    ``postgresql://`` and ``postgres://`` use the psycopg 3 driver. Without ``db``, ``ONRECORD_DB``
    or ``onrecord.db`` in the working directory.

    Example:
        >>> database_url("var/demo.db").startswith("sqlite:///")
        True
        >>> database_url("postgresql://u@localhost/x")
        'postgresql+psycopg://u@localhost/x'
    """
    value = str(db) if db is not None else os.environ.get("ONRECORD_DB") or DEFAULT_DB
    if value == ":memory:":
        return "sqlite://"
    if "://" not in value:
        return "sqlite:///" + str(Path(value).expanduser().resolve())
    scheme, rest = value.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return "postgresql+psycopg://" + rest
    return value


def describe(url: str) -> str:
    """The URL without its password, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def _sqlite_settings(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # WAL: readers (the web UI) never block the writer; NORMAL sync is safe in WAL against process
    # crashes (a SIGKILLed ingest loses nothing it committed), it only risks the last commits on power loss.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _postgres_settings(dbapi_connection, _record) -> None:
    # A commit need not wait for the server's WAL flush: an ingest killed by SIGKILL loses nothing the
    # server acknowledged, and a server crash loses at most the last few commits, which a rerun re-ingests
    # (the store is idempotent by text hash). Per-article commits stay cheap.
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO off")
    dbapi_connection.commit()


def create_db_engine(url: str) -> Engine:
    """A SQLAlchemy engine with onrecord's per-connection settings."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url)
        else:  # one shared connection, or each connection would see its own empty database
            engine = create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_settings)
        return engine
    if parsed.get_backend_name() == "postgresql":
        _require_driver(parsed.get_driver_name())
        engine = create_engine(url, pool_pre_ping=True)
        event.listen(engine, "connect", _postgres_settings)
        return engine
    raise StoreError(f"unsupported database {describe(url)!r}: use a SQLite path or a postgresql:// URL")


def require_existing(url: str) -> None:
    """Fail with E081 when ``url`` is a SQLite file that does not exist (a reading command would create it empty)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        if not Path(parsed.database).exists():
            raise StoreMissing(f"no store at {parsed.database}: `onrecord ingest PATH --db {parsed.database}` creates one (or pass --db, or set ONRECORD_DB)")


def _require_driver(driver: str) -> None:
    """The PostgreSQL driver comes with the ``postgres`` extra; without it, a coded error naming the extra."""
    if driver != "psycopg":
        return
    try:
        import psycopg  # noqa: F401
    except ImportError as error:
        raise MissingExtra(f'a postgresql:// store needs the PostgreSQL driver: pip install "onrecord[postgres]" ({error})') from None


def _alembic_config(connection):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config(None)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (a no-op when it is there already)."""
    from alembic import command

    head = head_revision()
    if current_revision(engine) == head:
        return
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        command.upgrade(_alembic_config(connection), "head")


def sqlite_has_fts5(engine: Engine) -> bool:
    with engine.connect() as connection:
        options = {row[0] for row in connection.exec_driver_sql("PRAGMA compile_options")}
    return "ENABLE_FTS5" in options
