"""Alembic environment of the store. onrecord runs it itself (``onrecord.store.db.migrate``) on every open.

The connection comes from ``config.attributes["connection"]``; run by hand, ``alembic -x db=URL upgrade head``
works too (with ``-c`` pointing at an ini whose ``script_location`` is ``onrecord.store:migrations``).
"""
from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from onrecord.store.db import database_url
from onrecord.store.tables import metadata

config = context.config


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # run from the alembic command line
        url = database_url(context.get_x_argument(as_dictionary=True).get("db"))
        with create_engine(url).begin() as connection:
            _run(connection)
    else:
        _run(connection)


def _run(connection) -> None:
    # render_as_batch: SQLite alters tables by copying them; Alembic's batch mode does that for us
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported; run against a database")
run_migrations_online()
