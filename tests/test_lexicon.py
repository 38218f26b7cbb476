"""The dictionary engine: quanteda's semantics, rule by rule, and the YAML/CSV/.dic loaders."""

import pandas as pd
import pytest

from analysis.lexicon import Lexicon, lexicon_counts, lexicon_matches, load_lexicon


def matches(text, mapping):
    arts = pd.DataFrame({"article_id": ["a"], "text": [text]})
    return lexicon_matches(arts, mapping)[["key", "matched_text"]].values.tolist()


def test_glob_matches_whole_tokens_only():
    got = matches(
        "Retaliation came; they retaliated. Pre-retaliation talk. RETALIATE!", {"r": ["retaliat*"]}
    )
    assert got == [["r", "Retaliation"], ["r", "retaliated"], ["r", "RETALIATE"]]


def test_question_mark_glob_is_one_character():
    assert matches("war wars ward", {"w": ["war?"]}) == [["w", "wars"], ["w", "ward"]]


def test_multiword_values_and_wildcard_token():
    got = matches(
        "They will take swift revenge and take revenge again.",
        {"revenge": ["take * revenge", "take revenge"]},
    )
    assert got == [["revenge", "take swift revenge"], ["revenge", "take revenge"]]


def test_nested_keys_flatten_with_dots():
    lex = Lexicon.from_mapping(
        {"violence": {"attack": ["attack*"], "killing": ["kill*"]}, "threat": ["threat*"]}
    )
    assert lex.keys == ["violence.attack", "violence.killing", "threat"]
    assert matches(
        "An attack killed two.", {"violence": {"attack": ["attack*"], "killing": ["kill*"]}}
    ) == [["violence.attack", "attack"], ["violence.killing", "killed"]]


def test_longest_match_within_a_key_consumes_its_tokens():
    got = matches("a drone strike hit", {"attack": ["strike", "drone strike", "drone"]})
    assert got == [["attack", "drone strike"]]


def test_a_token_counts_under_each_key_it_matches():
    got = matches("a drone strike", {"attack": ["drone strike"], "weapons": ["drone"]})
    assert sorted(got) == [["attack", "drone strike"], ["weapons", "drone"]]


def test_case_insensitive_by_default_and_case_sensitive_on_request():
    arts = pd.DataFrame({"article_id": ["a"], "text": ["US troops and us"]})
    assert len(lexicon_matches(arts, {"us": ["us"]})) == 2
    strict = Lexicon.from_mapping({"us": ["US"]}, case_sensitive=True)
    assert lexicon_matches(arts, strict)["matched_text"].tolist() == ["US"]


def test_curly_and_straight_apostrophes_alike():
    got = matches("Iran’s leader won't; Iran's army won’t", {"neg": ["won't"], "iran": ["iran's"]})
    assert sorted(got) == [
        ["iran", "Iran's"],
        ["iran", "Iran’s"],
        ["neg", "won't"],
        ["neg", "won’t"],
    ]


def test_rates_use_all_word_tokens_as_denominator():
    arts = pd.DataFrame(
        {"article_id": ["a", "b"], "text": ["attack " + "word " * 99, "nothing here"]}
    )
    counts = lexicon_counts(arts, {"attack": ["attack"]})
    assert counts["words"].tolist() == [100, 2]
    assert counts["attack"].tolist() == [1, 0]
    assert counts["attack_per_1k"].tolist() == [10.0, 0.0]


def test_empty_and_missing_text_is_zero_not_error():
    arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["", None]})
    counts = lexicon_counts(arts, {"k": ["x"]})
    assert counts["words"].tolist() == [0, 0] and counts["k_per_1k"].tolist() == [0.0, 0.0]


def test_yaml_loader(tmp_path):
    (tmp_path / "lex.yaml").write_text(
        "threat:\n  revenge:\n    - reveng*\n"
        "    - term: take * revenge\n      source: my team\n      note: idiom\n"
        "violence: [airstrike*, drone strike]\n",
        encoding="utf-8",
    )
    lex = load_lexicon(tmp_path / "lex.yaml")
    assert lex.keys == ["threat.revenge", "violence"]
    assert [t.source for t in lex.terms][:2] == ["lex.yaml", "my team"]
    assert matches("a drone strike; we will take bloody revenge", lex) == [
        ["violence", "drone strike"],
        ["threat.revenge", "take bloody revenge"],
    ]


def test_liwc_dic_loader(tmp_path):
    (tmp_path / "mini.dic").write_text(
        "%\n1\tanger\n2\tdeath\n%\nhate*\t1\nkill*\t1\t2\ndead\t2\n", encoding="utf-8"
    )
    lex = load_lexicon(tmp_path / "mini.dic")
    assert lex.keys == ["anger", "death"]
    got = matches("They hated it and killed the dead.", lex)
    assert sorted(got) == [
        ["anger", "hated"],
        ["anger", "killed"],
        ["death", "dead"],
        ["death", "killed"],
    ]


def test_csv_loader_and_default_lexicon_documented():
    lex = load_lexicon()
    assert len(lex) > 300
    # every term of the package lexicon says where it comes from and why
    assert all(t.source and t.note for t in lex.terms)


def test_unknown_format_is_a_clear_error(tmp_path):
    (tmp_path / "lex.txt").write_text("x")
    with pytest.raises(ValueError, match="unknown lexicon format"):
        load_lexicon(tmp_path / "lex.txt")
    (tmp_path / "bad.dic").write_text("no categories here")
    with pytest.raises(ValueError, match="LIWC"):
        load_lexicon(tmp_path / "bad.dic")


def test_digest_changes_with_terms():
    a = Lexicon.from_mapping({"k": ["x"]})
    b = Lexicon.from_mapping({"k": ["x", "y"]})
    assert a.digest() != b.digest() and len(a.digest()) == 64


def test_counting_path_agrees_with_matches(example_articles):
    # lexicon_counts counts from token frequencies; lexicon_matches finds every match: same numbers
    lex = load_lexicon()
    counts = lexicon_counts(example_articles, lex).iloc[0]
    matched = lexicon_matches(example_articles, lex)["key"].value_counts()
    for key in lex.keys:
        assert counts[key] == matched.get(key, 0), key


def test_phrase_consumes_single_words_in_its_key():
    arts = pd.DataFrame(
        {"article_id": ["a"], "text": ["take revenge now, revenge, take swift revenge"]}
    )
    lex = {"r": ["revenge", "take revenge", "take * revenge"], "v": ["revenge"]}
    counts = lexicon_counts(arts, lex).iloc[0]
    assert counts["r"] == 3 and counts["v"] == 3
    assert lexicon_matches(arts, lex)["key"].value_counts().to_dict() == {"r": 3, "v": 3}
