"""The shared mention layer: one head-class vocabulary for speakers and threat actors."""

import csv

import analysis as an
from analysis import mentions
from analysis.paths import package_data_dir


def test_speaker_heads_and_classes_on_the_example_article(example_articles):
    at = an.find_attributions(example_articles).set_index("speaker")
    assert at.loc["the New York Times", ["speaker_head", "speaker_head_class"]].tolist() == [
        "Times",
        "media",
    ]
    row = at.loc["three Iranian sources familiar with the meeting"]
    assert (row["speaker_head"], row["speaker_head_class"], row["source_type"]) == (
        "sources",
        "person",
        "anonymous",
    )
    # a name the vocabulary does not know is a name
    assert set(at.loc["Khamenei", "speaker_head_class"]) == {"name"}


def test_threat_actors_and_speakers_read_one_vocabulary():
    # an institution for both sides
    toks = "the parliament threatened to break relations".split()
    assert an.rhetoric.is_actor(toks, [False] * len(toks), 1) is True
    assert mentions.head_class("parliament") == "organization"
    # a speaker head known only to the sourcing data is an actor too: "the aide threatened",
    # "the newspaper threatened to sue"
    assert mentions.head_source("aide") == "source_lexicon.csv kind anonymous"
    assert mentions.head_source("newspaper") == "noun_heads.csv class media_name_head"
    assert mentions.can_act("aide", False) is True and mentions.can_act("newspaper", False)
    # what cannot act stays so, whatever the source lexicon says
    assert mentions.can_act("initiative", False) is False
    assert mentions.can_act("Nuclear", True) is True


def test_every_threat_actor_row_keeps_its_decision():
    with open(package_data_dir() / "threat_actors.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    expected = {"institution": "organization"}
    for r in rows:
        cls = mentions.head_class(r["word"])
        assert cls == expected.get(r["class"], r["class"]), r["word"]
        assert mentions.head_source(r["word"]).startswith("threat_actors.csv")


def test_find_mentions_on_the_example_article(example_articles):
    m = an.find_mentions(example_articles)
    assert list(m.columns) == ["article_id", "start", "end", "text", "kind", "name"]
    text = example_articles["text"].iloc[0]
    assert all(text[r.start : r.end] == r.text for r in m.itertuples())
    people = m[m["kind"] == "person"]
    # every mention of a surname carries the full name the article gives
    assert set(people.loc[people["text"] == "Salami", "name"]) == {"Hossein Salami"}
    assert set(people.loc[people["text"] == "Khamenei", "name"]) == {"Ali Khamenei"}
    assert {"Reuters", "New York Times"} <= set(m.loc[m["kind"] == "media", "name"])
    assert "Pentagon" in set(m.loc[m["kind"] == "organization", "name"])
    # a place is not an organisation, a sentence-opening word no part of a name
    assert "West Bank" not in set(m["name"])
    assert not any(n.startswith("Although") for n in m["name"])
