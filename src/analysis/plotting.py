"""Charts for the notebooks: each function returns ``(figure, data)`` — the data is what is plotted.

Pass both to ``analysis.save_figure(fig, name, data=data)`` so the CSV of every figure sits beside
it. Titles carry N. Charts of one article still make sense (per paragraph, per speaker).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .checks import check_choice, check_number
from .figures import use_house_style
from .rhetoric import MEASURES
from .sourcing import SOURCE_TYPES
from .stats import share_table

__all__ = [
    "article_lengths",
    "threat_rates",
    "threat_categories",
    "threats_by_paragraph",
    "sentiment_arc",
    "source_shares",
    "threats_by_speaker",
    "rates_by_group",
    "source_share_by_group",
]

MEASURE_LABELS = {
    "threat_act": "threat acts",
    "threat_salience": "threat salience",
    "violence": "violence",
}
# one word and one colour per source type in every chart ("article": the article's own voice)
SOURCE_TYPE_LABELS = {
    "named_person": "named person",
    "anonymous": "anonymous",
    "organization": "organisation",
    "media": "media",
    "document": "document",
    "article": "article's own voice",
}
# the order that gives each source type its colour of the house cycle, here and in annotate.py
SOURCE_TYPE_ORDER = (*SOURCE_TYPES, "article")
SOURCE_TYPE_COLOURS = {t: f"C{i}" for i, t in enumerate(SOURCE_TYPE_ORDER)}
# the words a table shows for a column (reports.reader_table); a column not here keeps its name,
# its underscores made spaces
COLUMN_LABELS = {
    "article_id": "article",
    "attribution_id": "attribution",
    "sentence_id": "sentence",
    "paragraph_id": "paragraph",
    "source_type": "source type",
    "relied_type": "type relied on",
    "speaker_type": "speaker type",
    "speaker_name": "name",
    "source_org": "organisation",
    "count": "people",
    "relayed_via": "relayed via",
    "quote": "quotation",
    "rule": "construction",
    "matched_text": "words found",
    "per_1k": "per 1,000 words",
    "share": "share",
    "ci_low": "95% low",
    "ci_high": "95% high",
    "unattributed_share": "own-voice share",
    "named_sources": "named sources",
    "anonymous_sources": "anonymous sources",
    "duplicate_of": "duplicate of",
}
# the columns whose values are source types or measures, shown in the charts' words
VALUE_LABELS = {
    "source_type": SOURCE_TYPE_LABELS,
    "relied_type": SOURCE_TYPE_LABELS,
    "speaker_type": SOURCE_TYPE_LABELS,
    "measure": MEASURE_LABELS,
}


def _value_grid(ax: plt.Axes, axis: str) -> None:
    """Grid lines along the value axis only (pandas turns the category grid on)."""
    ax.grid(False)
    ax.grid(True, axis=axis, color="#e6e6e6", linewidth=0.8)
    ax.set_axisbelow(True)


def _n_label(summary: pd.DataFrame) -> str:
    n = len(summary)
    return f"N = {n} article{'s' if n != 1 else ''}, {int(summary['words'].sum()):,} words"


def threat_rates(summary: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Matches per 1,000 words by measure, counted (asserted + conditional) apart from negated and
    hypothetical.

    >>> from analysis import load_articles, paths, threat_summary
    >>> fig, data = threat_rates(threat_summary(load_articles(paths.data_dir())))
    >>> data.columns.tolist()
    ['measure', 'mode', 'matches', 'words', 'per_1k']
    """
    use_house_style()
    words = int(summary["words"].sum())
    rows = []
    for m in MEASURES:
        for mode, col in (
            ("asserted or conditional", m),
            ("negated", f"{m}_negated"),
            ("hypothetical", f"{m}_hypothetical"),
        ):
            k = int(summary[col].sum()) if col in summary else 0
            rows.append(
                {
                    "measure": m,
                    "mode": mode,
                    "matches": k,
                    "words": words,
                    "per_1k": round(k * 1000 / words, 3) if words else 0.0,
                }
            )
    data = pd.DataFrame(rows)
    wide = data.pivot(index="measure", columns="mode", values="per_1k").reindex(list(MEASURES))
    wide = wide[["asserted or conditional", "negated", "hypothetical"]]
    fig, ax = plt.subplots()
    wide.rename(index=MEASURE_LABELS).plot.bar(ax=ax, rot=0)
    ax.set_ylabel("matches per 1,000 words")
    ax.set_xlabel("")
    _value_grid(ax, "y")
    ax.set_title(f"Threat language per 1,000 words ({_n_label(summary)})")
    ax.legend(title="mode")
    return fig, data


def threat_categories(threats: pd.DataFrame, *, n_articles: int) -> tuple[plt.Figure, pd.DataFrame]:
    """Counted matches (asserted and conditional) by measure and category."""
    check_number("n_articles", n_articles, low=0, integer=True)
    use_house_style()
    counted = threats[threats["mode"].isin(["asserted", "conditional"])]
    data = (
        counted.groupby(["measure", "category"])
        .size()
        .rename("matches")
        .reset_index()
        .sort_values(["measure", "matches"], ascending=[True, True])
    )
    fig, ax = plt.subplots()
    if data.empty:
        ax.text(
            0.5, 0.5, "no threat language found", ha="center", va="center", transform=ax.transAxes
        )
    else:
        labels = data["measure"].map(MEASURE_LABELS) + ": " + data["category"]
        colors = data["measure"].map({m: f"C{i}" for i, m in enumerate(MEASURES)})
        ax.barh(labels, data["matches"], color=colors)
        ax.set_xlabel("matches (asserted or conditional)")
        _value_grid(ax, "x")
    ax.set_title(
        f"Threat language by category (N = {n_articles} article{'s' if n_articles != 1 else ''}, "
        f"{len(counted)} matches)"
    )
    return fig, data


def threats_by_paragraph(
    threats: pd.DataFrame, sentences: pd.DataFrame
) -> tuple[plt.Figure, pd.DataFrame]:
    """For one article: counted matches per paragraph and measure, in reading order."""
    use_house_style()
    counted = threats[threats["mode"].isin(["asserted", "conditional"])]
    par = counted.merge(
        sentences[["article_id", "sentence_id", "paragraph_id"]], on=["article_id", "sentence_id"]
    )
    paragraphs = range(int(sentences["paragraph_id"].max()) + 1 if len(sentences) else 0)
    data = (
        par.groupby(["paragraph_id", "measure"])
        .size()
        .unstack(fill_value=0)
        .reindex(index=paragraphs, columns=list(MEASURES), fill_value=0)
    )
    fig, ax = plt.subplots()
    data.rename(columns=MEASURE_LABELS).plot.bar(ax=ax, stacked=True, width=0.8, rot=0)
    _value_grid(ax, "y")
    ax.set_xlabel("paragraph (reading order)")
    ax.set_ylabel("matches")
    ax.set_title(
        f"Where the threat language sits (N = {len(data)} paragraphs, {len(counted)} matches)"
    )
    return fig, data.reset_index()


def sentiment_arc(
    sentiment: pd.DataFrame, threats: pd.DataFrame | None = None
) -> tuple[plt.Figure, pd.DataFrame]:
    """Sentence polarity through one article, with the sentences that hold a threat act marked."""
    use_house_style()
    data = sentiment[["article_id", "sentence_id", "polarity", "subjectivity"]].copy()
    data["threat_act"] = False
    if threats is not None and len(threats):
        acts = threats[
            (threats["measure"] == "threat_act") & threats["mode"].isin(["asserted", "conditional"])
        ]
        keys = set(zip(acts["article_id"], acts["sentence_id"]))
        data["threat_act"] = [k in keys for k in zip(data["article_id"], data["sentence_id"])]
    fig, ax = plt.subplots()
    ax.plot(
        data["sentence_id"],
        data["polarity"],
        marker="o",
        markersize=3,
        color="C2",
        label="polarity (TextBlob)",
    )
    marked = data[data["threat_act"]]
    ax.scatter(
        marked["sentence_id"],
        marked["polarity"],
        color="C0",
        zorder=3,
        label="sentence with a threat act",
    )
    ax.axhline(0, color="0.6", linewidth=0.8)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("sentence")
    ax.set_ylabel("polarity")
    ax.legend(loc="lower left")
    ax.set_title(f"Sentiment through the article (N = {len(data)} sentences) — not a threat score")
    return fig, data


def source_shares(
    attributions: pd.DataFrame, *, relied: bool = True
) -> tuple[plt.Figure, pd.DataFrame]:
    """Share of attributions by source type with 95% Wilson intervals and N."""
    use_house_style()
    col = "relied_type" if relied and "relied_type" in attributions else "source_type"
    counts = attributions[col].value_counts().reindex(list(SOURCE_TYPES), fill_value=0)
    data = share_table(counts, label="source_type")
    fig, ax = plt.subplots()
    y = range(len(data))
    ax.barh(list(y), data["share"], color=[SOURCE_TYPE_COLOURS[t] for t in data["source_type"]])
    err_low = (data["share"] - data["ci_low"]).fillna(0).clip(lower=0)
    err_high = (data["ci_high"] - data["share"]).fillna(0).clip(lower=0)
    ax.errorbar(
        data["share"], list(y), xerr=[err_low, err_high], fmt="none", ecolor="0.2", capsize=3
    )
    ax.set_yticks(
        list(y),
        [f"{SOURCE_TYPE_LABELS[t]} (n = {n})" for t, n in zip(data["source_type"], data["n"])],
    )
    ax.set_xlim(0, 1)
    _value_grid(ax, "x")
    ax.set_xlabel("share of attributions (95% Wilson interval)")
    ax.set_title(
        f"Who the claims come from (N = {int(data['N'].iloc[0]) if len(data) else 0} attributions)"
    )
    return fig, data


def threats_by_speaker(threats: pd.DataFrame, *, top: int = 12) -> tuple[plt.Figure, pd.DataFrame]:
    """Counted threat acts by speaker (None is the article's own voice), coloured by speaker
    type."""
    check_number("top", top, low=1, integer=True)
    use_house_style()
    acts = threats[
        (threats["measure"] == "threat_act") & threats["mode"].isin(["asserted", "conditional"])
    ].copy()
    acts["speaker"] = acts["speaker"].fillna("(article's own voice)")
    acts["speaker_type"] = acts["speaker_type"].fillna("article")
    data = (
        acts.groupby(["speaker", "speaker_type"])
        .size()
        .rename("threat_acts")
        .reset_index()
        .sort_values("threat_acts", ascending=False)
        .head(top)
        .iloc[::-1]
    )
    fig, ax = plt.subplots()
    if data.empty:
        ax.text(0.5, 0.5, "no threat acts found", ha="center", va="center", transform=ax.transAxes)
    else:
        from matplotlib.patches import Patch

        colours = data["speaker_type"].map(SOURCE_TYPE_COLOURS)
        ax.barh(data["speaker"], data["threat_acts"], color=colours)
        handles = [
            Patch(color=SOURCE_TYPE_COLOURS[t], label=SOURCE_TYPE_LABELS[t])
            for t in SOURCE_TYPE_LABELS
            if t in set(data["speaker_type"])
        ]
        ax.legend(handles=handles, title="speaker type", loc="lower right")
        _value_grid(ax, "x")
        ax.set_xlabel("threat acts (asserted or conditional)")
    ax.set_title(
        f"Who threatens (N = {len(acts)} threat acts, {acts['speaker'].nunique()} speakers)"
    )
    return fig, data.iloc[::-1].reset_index(drop=True)


def rates_by_group(
    summary: pd.DataFrame, articles: pd.DataFrame, *, by: str
) -> tuple[plt.Figure, pd.DataFrame] | None:
    """Threat acts per 1,000 words per outlet (``by="outlet"``) or per month (``by="month"``);
    None with one group."""
    check_choice("by", by, ("outlet", "month"))
    use_house_style()
    meta = articles[["article_id", "outlet", "published"]].copy()
    if by == "month":
        meta["group"] = (
            meta["published"].dt.to_period("M").astype(str).where(meta["published"].notna(), None)
        )
    else:
        meta["group"] = meta["outlet"]
    merged = summary.merge(meta[["article_id", "group"]], on="article_id")
    merged = merged[merged["group"].notna()]
    if merged["group"].nunique() < 2:
        return None
    data = (
        merged.groupby("group")
        .agg(
            articles=("article_id", "size"),
            words=("words", "sum"),
            threat_act=("threat_act", "sum"),
            violence=("violence", "sum"),
        )
        .reset_index()
    )
    data["threat_act_per_1k"] = (data["threat_act"] * 1000 / data["words"]).round(3)
    data["violence_per_1k"] = (data["violence"] * 1000 / data["words"]).round(3)
    fig, ax = plt.subplots()
    data.set_index("group")[["threat_act_per_1k", "violence_per_1k"]].plot.bar(ax=ax, rot=30)
    ax.set_xlabel(by)
    _value_grid(ax, "y")
    ax.set_ylabel("per 1,000 words")
    ax.set_title(f"Threat acts and violence by {by} ({_n_label(merged)})")
    return fig, data


def source_share_by_group(
    table: pd.DataFrame, *, source_type: str = "anonymous"
) -> tuple[plt.Figure, pd.DataFrame] | None:
    """One source type's share per outlet (or month) with 95% Wilson intervals and N per bar, from
    ``sourcing.shares_by_group``; None with fewer than two groups."""
    check_choice("source_type", source_type, tuple(SOURCE_TYPES))
    use_house_style()
    by = table.columns[0]
    data = table[table["source_type"] == source_type].sort_values("share").reset_index(drop=True)
    if len(data) < 2:
        return None
    fig, ax = plt.subplots()
    y = list(range(len(data)))
    ax.barh(y, data["share"], color=SOURCE_TYPE_COLOURS[source_type])
    err_low = (data["share"] - data["ci_low"]).clip(lower=0)
    err_high = (data["ci_high"] - data["share"]).clip(lower=0)
    ax.errorbar(data["share"], y, xerr=[err_low, err_high], fmt="none", ecolor="0.2", capsize=3)
    ax.set_yticks(y, [_short(str(g)) for g in data[by]])
    for k, (hi, n, a) in enumerate(zip(data["ci_high"], data["N"], data["articles"])):
        ax.text(min(hi, 0.8) + 0.02, k, f"N = {n:,} ({a} articles)", va="center", fontsize=9)
    ax.set_xlim(0, 1)
    _value_grid(ax, "x")
    label = SOURCE_TYPE_LABELS[source_type]
    ax.set_xlabel(f"share of attributions to {label} sources (95% Wilson interval)")
    minimum = table.attrs.get("min_attributions", 0)
    ax.set_title(
        f"{label.capitalize()} sources by {by}\n"
        f"({len(data)} {by}s with at least {minimum} attributions each)"
    )
    return fig, data


def _short(label: str, width: int = 28) -> str:
    """A long outlet name cut to ``width`` characters for an axis ("Voice of America (VOA L…")."""
    return label if len(label) <= width else label[: width - 1] + "…"


def article_lengths(articles: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Body words per article, and what cleaning took out (caption and boilerplate lines)."""
    use_house_style()
    data = pd.DataFrame(
        {
            "article_id": articles["article_id"],
            "words": articles["word_count"],
            "captions": articles["captions"].map(len),
            "boilerplate_lines": articles["boilerplate"].map(len),
        }
    )
    fig, ax = plt.subplots()
    shown = data.sort_values("words").tail(40)
    ax.barh(shown["article_id"].astype(str), shown["words"], color="C1")
    _value_grid(ax, "x")
    ax.set_xlabel("words in the cleaned body")
    ax.set_title(
        f"Body length (N = {len(data)} article{'s' if len(data) != 1 else ''}, "
        f"{int(data['captions'].sum())} captions and "
        f"{int(data['boilerplate_lines'].sum())} boilerplate "
        f"lines removed){' — longest 40 shown' if len(data) > 40 else ''}"
    )
    return fig, data
