"""The article the project was commissioned for: title, body, captions and boilerplate exact."""

from analysis import paths


def raw_lines():
    text = (paths.data_dir() / "000_345e2a4f327659b1.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_title_and_subtitle_exact(example):
    assert (
        example["title"]
        == "Khamenei said to insist on direct Iranian revenge against US – not by proxy"
    )
    assert example["subtitle"] == (
        "Supreme leader reportedly tells top security forum he wants it clear Iran hitting back "
        "for top general killed in airstrike"
    )


def test_body_is_exactly_the_25_paragraphs(example):
    paragraphs = example["text"].split("\n\n")
    assert len(paragraphs) == 25
    assert paragraphs[0].startswith("In the hours after a US drone strike")
    assert paragraphs[-1].endswith("Tehran denies the allegation.")
    assert all(p == p.strip() and p for p in paragraphs)
    # every body paragraph is a line of the original, unchanged (curly quotes kept)
    lines = set(raw_lines())
    assert all(p in lines for p in paragraphs)
    assert "“We will take revenge,” Salami said" in example["text"]


def test_no_caption_line_and_no_boilerplate_in_body(example):
    caption_lines = [
        line
        for line in raw_lines()
        if line.endswith(("(Iran Press TV via AP)", "via AP)", "/ AFP)", "Flash90)"))
    ]
    assert len(caption_lines) == 6
    for line in caption_lines:
        assert line not in example["text"]
    for phrase in (
        "Register for free",
        "read more",
        "Never miss breaking news",
        "Sign in",
        "Or Continue with",
        "Daily Edition",
        "check your email",
        "It has a link that will sign you in",
    ):
        assert phrase.lower() not in example["text"].lower()


def test_four_distinct_captions_with_credits(example):
    captions = example["captions"]
    assert len(captions) == 4
    credits = [
        "(Iran Press TV via AP)",
        "(Office of the Iranian Supreme Leader via AP)",
        "(Dano Monkotovic/Flash90)",
        "(ATTA KENARE / AFP)",
    ]
    for caption, credit in zip(captions, credits):
        assert caption.endswith(credit)
    # the two Burgas captions collapse to the more complete one
    burgas = [c for c in captions if "Burgas" in c]
    assert len(burgas) == 1 and "terror attack against Israeli tourists" in burgas[0]


def test_boilerplate_is_kept_for_inspection(example):
    assert example["boilerplate"][0] == "read more:"
    assert "Register for free" in example["boilerplate"]
    assert example["boilerplate"][-1] == "It has a link that will sign you in."


def test_metadata_from_sidecar(example):
    assert example["outlet"] == "The Times of Israel"
    assert str(example["published"].date()) == "2020-01-07"
    assert example["language"] == "en"
    assert example["duplicate_of"] is None
    # body words only: the title, subtitle, captions and boilerplate are not counted
    assert example["word_count"] == 832
    assert example["word_count"] < len(" ".join(raw_lines()).split()) - 300
