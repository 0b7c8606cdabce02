"""Tables show article text as written: square brackets are text, never Rich markup."""
from __future__ import annotations


import pytest
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.cli._common import print_article_table
from onrecord.cli._store_options import OutputFormat, emit

runner = CliRunner()
TEXT = (
    "“We will [not] resign,” said Ana Ruiz, the council leader.\n\n"
    "“Read the [/i] report and the [bold]small print[/bold],” said Tomas Berg, the auditor.\n"
)


@pytest.fixture(scope="module")
def bracket_article():
    import onrecord

    return onrecord.analyze(TEXT, published="2024-06-07")


def _squashed(text: str) -> str:
    """The table's text without borders and wrapping, to find a cell's words in order."""
    return " ".join(word for word in text.replace("│", " ").replace("┃", " ").split())


def test_the_article_table_prints_brackets_and_closing_tags_as_written(bracket_article, capsys):
    from rich.console import Console

    assert len(bracket_article.attributions) == 2
    console = Console(width=200, force_terminal=False)
    print_article_table(console, bracket_article)  # "[/i]" raised MarkupError before
    out = _squashed(capsys.readouterr().out)
    assert "We will [not] resign" in out
    assert "Read the [/i] report and the [bold]small print[/bold]" in out


def test_store_tables_print_brackets_as_written(capsys):
    records = [{"name": "Ana [Ruiz]", "content": "We will [not] resign [/i]"}]
    emit(records, OutputFormat.table, [("name", "", lambda r: r["name"]), ("content", "", lambda r: r["content"])], title="[/b] quotes")
    out = _squashed(capsys.readouterr().out)
    assert "Ana [Ruiz]" in out and "We will [not] resign [/i]" in out and "[/b] quotes" in out


def test_quotes_and_speakers_from_a_store_print_brackets_and_name_their_own_paging_options(bracket_article, tmp_path):
    from onrecord.store import Store

    db = tmp_path / "s.db"
    with Store.open(db) as store:
        store.add_article(bracket_article)
        store.resolve_entities()
    quotes = runner.invoke(app, ["quotes", "--db", str(db)], terminal_width=200)
    assert quotes.exit_code == 0, quotes.output
    assert "We will [not] resign" in _squashed(quotes.stdout)
    speakers = runner.invoke(app, ["speakers", "--db", str(db), "--top", "1"], terminal_width=200)
    assert speakers.exit_code == 0, speakers.output
    assert "1 of 2 shown; use --top and --offset for more" in speakers.stderr


def test_messages_print_user_values_with_brackets_as_written(tmp_path):
    bad = runner.invoke(app, ["timex", "--format", "[/i]", str(tmp_path)])  # MarkupError before
    assert bad.exit_code == 2 and "not '[/i]'" in bad.output
    from onrecord.store import Store

    db = tmp_path / "s.db"
    Store.open(db).close()
    out = tmp_path / "[/i]out.jsonl"
    export = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--out", str(out)])  # MarkupError before
    assert export.exit_code == 0, export.output
    assert "[/i]out.jsonl" in export.output
