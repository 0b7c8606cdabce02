"""onrecord.train.wordnet_nouns: the inanimate-noun list is built from WordNet's files as documented (a
tiny hand-made dictionary in WordNet's format)."""
from __future__ import annotations

from onrecord.train.wordnet_nouns import inanimate_nouns, write

LEXNAMES = "03\tnoun.Tops\t1\n14\tnoun.group\t1\n15\tnoun.location\t1\n18\tnoun.person\t1\n19\tnoun.phenomenon\t1\n26\tnoun.state\t1\n06\tnoun.artifact\t1\n"
DATA = (
    "  1 This software and database is being provided to you\n"
    "00000001 19 n 01 smoke 0 000 | a cloud of fine particles\n"
    "00000002 26 n 01 trouble 0 000 | a source of difficulty\n"
    "00000003 18 n 01 troublemaker 0 000 | someone who makes trouble\n"
    "00000004 06 n 01 pub 0 000 | a building with a bar\n"
    "00000005 26 n 01 problem 0 000 | a state of difficulty\n"
)
INDEX = (
    "  1 This software and database is being provided to you\n"
    "smoke n 1 1 @ 1 0 00000001\n"
    "trouble n 2 1 @ 2 0 00000002 00000003\n"
    "pub n 1 1 @ 1 0 00000004\n"
    "problem n 1 1 @ 1 0 00000005\n"
    "ill_health n 1 1 @ 1 0 00000005\n"
)


def test_first_sense_inanimate_and_no_speaking_sense(tmp_path):
    (tmp_path / "lexnames").write_text(LEXNAMES)
    (tmp_path / "data.noun").write_text(DATA)
    (tmp_path / "index.noun").write_text(INDEX)
    # "trouble" has a person sense, "pub" is an artefact, "ill_health" is more than one word
    assert inanimate_nouns(tmp_path) == [("problem", "noun.state"), ("smoke", "noun.phenomenon")]
    out = tmp_path / "out.tsv"
    assert write(tmp_path, out) == 2
    rows = [line for line in out.read_text().splitlines() if not line.startswith("#")]
    assert rows == ["problem\tnoun.state", "smoke\tnoun.phenomenon"]
    assert "Princeton University" in out.read_text()
