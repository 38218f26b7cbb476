"""split_sentences on the boundaries news text makes hard."""

import pandas as pd
import pytest

import analysis as an

HARD_CASES = [
    (
        "Brig. Gen. Amir Ali Hajizadeh said it was over. He left.",
        ["Brig. Gen. Amir Ali Hajizadeh said it was over.", "He left."],
    ),
    (
        "Maj. Gen. Hossein Salami spoke first. Sen. Ted Cruz replied.",
        ["Maj. Gen. Hossein Salami spoke first.", "Sen. Ted Cruz replied."],
    ),
    (
        "Lt. Col. Smith and Dr. Jones met Gov. Brown. They talked for an hour.",
        ["Lt. Col. Smith and Dr. Jones met Gov. Brown.", "They talked for an hour."],
    ),
    (
        "Rep. Adam Schiff spoke at 9 a.m. Tuesday. Others disagreed.",
        ["Rep. Adam Schiff spoke at 9 a.m. Tuesday.", "Others disagreed."],
    ),
    (
        "The drone hit the U.S. Embassy in Baghdad. Officials said nothing.",
        ["The drone hit the U.S. Embassy in Baghdad.", "Officials said nothing."],
    ),
    (
        "The strike was aimed at the U.S. The embassy closed.",
        ["The strike was aimed at the U.S.", "The embassy closed."],
    ),
    (
        "The U.N. Security Council met on Friday. It adjourned.",
        ["The U.N. Security Council met on Friday.", "It adjourned."],
    ),
    (
        "“We will take revenge,” Salami said. “But not now.”",
        ["“We will take revenge,” Salami said.", "“But not now.”"],
    ),
    ("He said: “It is over.” The crowd cheered.", ["He said: “It is over.”", "The crowd cheered."]),
    ("“It is over!” he shouted. Then he left.", ["“It is over!” he shouted.", "Then he left."]),
    ("“Is this war?” he asked. No one answered.", ["“Is this war?” he asked.", "No one answered."]),
    (
        "The No. 2 official, Gen. Qassem Soleimani, died. Iran vowed revenge.",
        ["The No. 2 official, Gen. Qassem Soleimani, died.", "Iran vowed revenge."],
    ),
    (
        "Mr. Trump met Mrs. Clinton at 5 p.m. They argued.",
        ["Mr. Trump met Mrs. Clinton at 5 p.m.", "They argued."],
    ),
    (
        'He called it "a disgrace." Then he walked out.',
        ['He called it "a disgrace."', "Then he walked out."],
    ),
    # a period after an ordinary word before a name or a capitalised pronoun (nupunkt kept these
    # together on PolNeAR train); abbreviations keep theirs
    # a quoted question, then its speaker and verb: one sentence; a quotation inside a sentence,
    # or "Nobody", is no speaker's
    (
        "“Are you kidding me?” Trump said to a crowd of about 500. Then he left.",
        ["“Are you kidding me?” Trump said to a crowd of about 500.", "Then he left."],
    ),
    (
        "He asked: “Is this war?” Nobody answered.",
        ["He asked: “Is this war?”", "Nobody answered."],
    ),
    ("“Is this war?” Nobody answered.", ["“Is this war?”", "Nobody answered."]),
    (
        "The crowd broke into applause. Cruz, later joined by Christie, spoke.",
        ["The crowd broke into applause.", "Cruz, later joined by Christie, spoke."],
    ),
    (
        "She opposed it as a senator from New York. Sanders defended his vote.",
        ["She opposed it as a senator from New York.", "Sanders defended his vote."],
    ),
    (
        "Smith et al. Found it first. He lives in Calif. Bush met Sen. Cruz of Acme Corp. Jones "
        "left.",
        [
            "Smith et al. Found it first.",
            "He lives in Calif. Bush met Sen. Cruz of Acme Corp. Jones left.",
        ],
    ),
]


@pytest.mark.parametrize("text, expected", HARD_CASES)
def test_hard_boundaries(text, expected):
    sents = an.split_sentences(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    assert sents["text"].tolist() == expected


def test_offsets_index_into_text_and_paragraphs_counted():
    text = "First paragraph here. It has two sentences.\n\nSecond paragraph, one sentence."
    sents = an.split_sentences(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    assert sents["paragraph_id"].tolist() == [0, 0, 1]
    assert sents["sentence_id"].tolist() == [0, 1, 2]
    for row in sents.itertuples():
        assert text[row.start : row.end] == row.text


def test_example_article_sentences(example_articles):
    sents = an.split_sentences(example_articles)
    assert sents["paragraph_id"].max() == 24
    texts = sents["text"].tolist()
    assert (
        "Brig. Gen. Amir Ali Hajizadeh, commander of the IRGC Aerospace Force, said “The only "
        "thing that can compensate the blood of this martyr [Soleimani] is the complete "
        "destruction of America in the region.”" in texts
    )
    assert "“We will take revenge,” Salami said, drawing cries of “Death to Israel!”" in texts
    assert "Tehran denies the allegation." in texts
    text = example_articles.iloc[0]["text"]
    assert all(text[r.start : r.end] == r.text for r in sents.itertuples())
    assert not sents.duplicated(["article_id", "sentence_id"]).any()


def test_split_sentences_does_not_mutate_and_handles_empty():
    frame = pd.DataFrame({"article_id": ["a", "b"], "text": ["", "One. Two."]})
    before = frame.copy()
    out = an.split_sentences(frame)
    pd.testing.assert_frame_equal(frame, before)
    assert out["article_id"].tolist() == ["b", "b"]


def test_a_sentence_split_is_cached_and_travels_between_processes(example):
    from analysis import text as text_module

    body = example["text"]
    text_module.clear_sentence_cache()
    first = list(text_module.iter_sentences(body))
    shipped = text_module.sentences_of([body])  # what a worker sends back to its parent
    assert len(shipped) == 1
    text_module.clear_sentence_cache()
    assert text_module.sentences_of([body]) == []
    text_module.remember_sentences(shipped)
    assert list(text_module.iter_sentences(body)) == first
    assert text_module.split_sentences(example.to_frame().T)["start"].tolist() == [
        a for _, a, _ in first
    ]
