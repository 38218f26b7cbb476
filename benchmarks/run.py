"""Speed of every public step, measured against a bare regex tokenisation pass in the same run.

Corpus: the distinct real articles of ``../shared/devsets/polnear/`` (train + dev), read from there
(never copied into the repository). Each step runs on the same texts; the table gives seconds,
articles/s, MB/s and the ratio to the lower bound (one ``re.findall`` of word tokens per text).

The loading benchmark writes a replicated corpus of at least 10,000 articles to a temporary folder
(as JSONL, as Parquet, and as a folder of ``.txt`` files). Replicas get distinct ids *and* a
distinct last line, so the duplicate detector does real work (every replica is a near-duplicate)
and no exact-text shortcut flatters the figure.

Usage: ``python benchmarks/run.py [--replicas 10000] [--readme]`` (``make bench``). ``--readme``
writes the table into benchmarks/README.md between the benchmark markers.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import re
import sys
import tempfile
from pathlib import Path

import pandas as pd

os.environ.setdefault("ANALYSIS_PROGRESS", "0")  # progress bars cost time and clutter the table

from corpus import polnear_texts  # noqa: E402  (benchmarks/corpus.py, beside this script)
from timing import fastest  # noqa: E402

import analysis as an  # noqa: E402
from analysis import paths  # noqa: E402

WORD = re.compile(r"\w+(?:['’\-]\w+)*")


def regex_pass(texts: list[str]) -> int:
    return sum(len(WORD.findall(t)) for t in texts)


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--replicas", type=int, default=10_000, help="size of the replicated loading corpus"
    )
    parser.add_argument(
        "--readme", action="store_true", help="write the table into benchmarks/README.md"
    )
    parser.add_argument(
        "--growth",
        default=None,
        help="comma-separated corpus sizes (e.g. 10000,100000): time per stage and memory at each",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    if args.growth:
        return growth([int(x) for x in args.growth.split(",")], readme=args.readme)

    corpus = polnear_texts()
    texts = corpus["text"].tolist()
    n, mb = len(texts), sum(len(t.encode("utf-8")) for t in texts) / 1e6
    base, words = fastest(lambda: regex_pass(texts), runs=3)
    rows: list[dict] = []

    def record(
        step: str,
        seconds: float,
        articles: int = n,
        megabytes: float = mb,
        note: str = "",
        lower_bound: float | None = None,
    ) -> None:
        lb = lower_bound if lower_bound is not None else base
        rows.append(
            {
                "step": step,
                "seconds": seconds,
                "articles/s": articles / seconds,
                "MB/s": megabytes / seconds,
                "× regex pass": seconds / lb,
                "note": note,
            }
        )

    record("regex tokenisation pass (lower bound)", base, note=f"{words:,} word tokens")
    lexicon = _public_steps(corpus, record)
    in_memory_row(corpus, record)
    _peers(texts, lexicon, record, rows)
    n_big, big_mb, big_base = _loading(corpus, args.replicas, record)

    table = pd.DataFrame(rows)
    header = (
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.machine()}. "
        f"Corpus: {n} distinct PolNeAR articles, {mb:.1f} MB, {words:,} word tokens; loading on "
        f"{n_big:,} replicas ({big_mb:.1f} MB), ratio to the regex pass over the replicas "
        f"({big_base:.2f} s)."
    )
    md = _markdown(table)
    print(header)
    print(md)
    if args.readme:
        _write_block(
            paths.project_root() / "benchmarks" / "README.md",
            "<!-- benchmark table -->",
            "<!-- /benchmark table -->",
            header,
            md,
        )
    return 0


def _public_steps(corpus: pd.DataFrame, record):
    """The public steps, each computed once (the pipeline passes frames along); returns the
    lexicon, which the peers reuse."""
    frame = corpus[["article_id", "text"]]
    # one-off costs (nupunkt's model, the lexicons, TextBlob's lexicon) are paid once, before timing
    warm = frame.head(20)
    an.sentence_sentiment(warm)
    an.find_threats(warm, attributions=an.find_attributions(warm))
    an.lexicon.lexicon_counts(warm, an.load_lexicon())

    t_sent, sentences = fastest(lambda: an.split_sentences(frame), runs=2)
    record("split_sentences", t_sent, note=f"{len(sentences):,} sentences")
    t_att, attributions = fastest(lambda: an.find_attributions(frame), runs=2)
    record("find_attributions", t_att, note=f"{len(attributions):,} attributions")
    # in a pipeline, find_threats follows find_attributions on the same articles, whose sentence
    # split it reuses (setup reruns find_attributions, untimed, before each timed run)
    t_thr, threats = fastest(
        lambda: an.find_threats(frame, attributions=attributions),
        runs=2,
        setup=lambda: an.find_attributions(frame),
    )
    record(
        "find_threats (given attributions)",
        t_thr,
        note=f"{len(threats):,} matches; the attributions' sentence split reused",
    )
    t_cold, _ = fastest(lambda: an.find_threats(frame, attributions=attributions), runs=2)
    record("find_threats on articles not split before", t_cold, note="sentences split here")
    t_ts, _ = fastest(lambda: an.threat_summary(frame, threats=threats), runs=2)
    record("threat_summary (given threats)", t_ts)
    t_ss, _ = fastest(lambda: an.sourcing_summary(frame, attributions=attributions), runs=2)
    record("sourcing_summary (given attributions)", t_ss)
    lexicon = an.load_lexicon()
    t_dict, _ = fastest(lambda: an.lexicon.lexicon_counts(frame, lexicon), runs=2)
    record(
        "lexicon_counts (dictionary counting)",
        t_dict,
        note=f"{len(lexicon)} terms, quanteda semantics",
    )
    t_pipe = t_att + t_thr + t_ts + t_ss
    record("whole pipeline without sentiment", t_pipe, note="attributions, threats, both summaries")
    t_sentiment, _ = fastest(lambda: an.sentence_sentiment(frame, dedupe=False))
    record("sentence_sentiment", t_sentiment, note=f"TextBlob's scores, {os.cpu_count()} processes")
    plain = sentences["text"].tolist()
    t_blob, _ = fastest(lambda: an.rhetoric._score_chunk(plain))
    record("TextBlob sentiment, plain loop", t_blob, note="one core, the same sentences")
    return lexicon


def _peers(texts: list[str], lexicon, record, rows: list[dict]) -> None:
    """Peers on the same texts."""
    literal = sorted(
        {" ".join(t.parts) for t in lexicon.terms if not any(c in t.pattern for c in "*?")}
    )
    alternation = re.compile(
        r"\b(?:" + "|".join(re.escape(w) for w in sorted(literal, key=len, reverse=True)) + r")\b"
    )
    series = pd.Series(texts).str.lower()
    t_alt, _ = fastest(lambda: series.str.count(alternation))
    record("Series.str.count, one alternation regex", t_alt, note=f"{len(literal)} literal terms")
    try:
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for w in literal:
            automaton.add_word(w, w)
        automaton.make_automaton()
        t_aho, _ = fastest(lambda: [sum(1 for _ in automaton.iter(t)) for t in series])
        record("pyahocorasick scan of the lexicon", t_aho, note="substrings, no word boundaries")
    except ImportError:
        pass
    try:
        from empath import Empath

        lex = Empath()
        t_emp, _ = fastest(
            lambda: [lex.analyze(t, categories=["aggression", "violence", "war"]) for t in texts]
        )
        record("Empath analyze (3 categories)", t_emp)
    except ImportError:
        rows.append(
            {
                "step": "Empath analyze",
                "seconds": float("nan"),
                "articles/s": float("nan"),
                "MB/s": float("nan"),
                "× regex pass": float("nan"),
                "note": "empath not installed",
            }
        )


def _loading(corpus: pd.DataFrame, replicas: int, record) -> tuple[int, float, float]:
    """Loading a replicated corpus of at least ``replicas`` articles; returns its number of
    articles, its megabytes and the regex pass over it."""
    reps = max(1, -(-replicas // len(corpus)))
    big = pd.concat(
        [
            corpus.assign(
                article_id=corpus["article_id"] + f"~{k}", text=corpus["text"] + f"\n\nReplica {k}."
            )
            for k in range(reps)
        ],
        ignore_index=True,
    )
    big_texts = big["text"].tolist()
    big_mb = sum(len(t.encode("utf-8")) for t in big_texts) / 1e6
    big_base, _ = fastest(lambda: regex_pass(big_texts), runs=2)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        big.rename(columns={"article_id": "id"}).to_json(
            tmp / "corpus.jsonl", orient="records", lines=True, force_ascii=False
        )
        big.rename(columns={"article_id": "id"}).to_parquet(tmp / "corpus.parquet")
        folder = tmp / "txt"
        folder.mkdir()
        for aid, text in zip(big["article_id"], big_texts):
            (folder / f"{aid}.txt").write_text(text, encoding="utf-8")
        # the same replicas without the distinct last line: exact copies, which the detector
        # settles at once
        exact = big.assign(text=[t.rsplit("\n\nReplica ", 1)[0] for t in big_texts])
        exact.rename(columns={"article_id": "id"}).to_json(
            tmp / "exact.jsonl", orient="records", lines=True, force_ascii=False
        )
        exact.rename(columns={"article_id": "id"}).to_parquet(tmp / "exact.parquet")
        for label, source in (
            ("load_articles: JSONL", tmp / "corpus.jsonl"),
            ("load_articles: Parquet", tmp / "corpus.parquet"),
            ("load_articles: folder of .txt", folder),
            ("load_articles: JSONL, exact replicas", tmp / "exact.jsonl"),
            ("load_articles: Parquet, exact replicas", tmp / "exact.parquet"),
        ):
            an.load_articles(big.head(50))  # py3langid's model and the regexes, loaded once
            secs, loaded = fastest(
                lambda: an.load_articles(source), runs=2
            )  # best of two, as the steps above
            flagged = int(loaded["duplicate_of"].notna().sum())
            record(
                label,
                secs,
                articles=len(big),
                megabytes=big_mb,
                lower_bound=big_base,
                note=f"{len(big):,} articles; {flagged:,} flagged duplicates",
            )
    return len(big), big_mb, big_base


def _write_block(path: Path, start: str, end: str, header: str, md: str) -> None:
    """Write ``header`` and ``md`` into the file between the ``start`` and ``end`` markers."""
    body = path.read_text(encoding="utf-8")
    block = f"{start}\n{header}\n\n{md}\n{end}"
    if end in body:
        body = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _: block, body, flags=re.S)
    else:
        body = body.replace(start, block)
    path.write_text(body, encoding="utf-8")


def growth(sizes: list[int], *, readme: bool = False) -> int:
    """Seconds per 1,000 articles of each stage at each size (linear growth keeps them flat), and
    the memory the pipeline (attributions, threats, both summaries, each computed once) adds,
    against the size of the corpus text: this process's RSS growth plus the workers' unique memory
    (USS). Replicas have distinct ids; no stage caches anything keyed on a text. Two memos are keyed
    on words, bounded, and warmer on replicas than on a real corpus of the same size, whose
    vocabulary keeps growing: nupunkt's boundary decisions (32,768 word contexts) and the lexicon's
    vocabulary index (500,000 tokens)."""
    import psutil

    corpus = polnear_texts()
    proc = psutil.Process()
    rows = []
    an.find_threats(
        corpus.head(20), attributions=an.find_attributions(corpus.head(20))
    )  # one-off loads
    for size in sizes:
        rows.extend(_growth_rows(corpus, proc, size))
    md = _growth_table(rows)
    header = (
        f"Growth on {os.cpu_count()} cores: replicas of the PolNeAR articles with distinct ids; "
        f"a flat row means linear growth."
    )
    print(header)
    print(md)
    if readme:
        _write_block(
            paths.project_root() / "benchmarks" / "README.md",
            "<!-- growth table -->",
            "<!-- /growth table -->",
            header,
            md,
        )
    return 0


def _growth_rows(corpus: pd.DataFrame, proc, size: int) -> list[dict]:
    """One size of :func:`growth`: seconds per 1,000 articles of each stage, the memory the
    pipeline adds and the size of the corpus text."""
    import threading

    import psutil

    reps = -(-size // len(corpus))
    frame = pd.concat(
        [
            corpus[["article_id", "text"]].assign(article_id=corpus["article_id"] + f"~{k}")
            for k in range(reps)
        ],
        ignore_index=True,
    ).head(size)
    text_mb = sum(len(t.encode("utf-8")) for t in frame["text"]) / 1e6
    t_regex, _ = fastest(lambda: regex_pass(frame["text"].tolist()))
    gc.collect()
    base_rss = proc.memory_info().rss
    peak = [0]
    stop = threading.Event()

    def sample() -> None:
        # this process's growth, plus what the worker processes hold of their own (USS: pages
        # shared with this process after fork are not counted twice)
        while not stop.is_set():
            total = proc.memory_info().rss - base_rss
            for p in proc.children(recursive=True):
                try:
                    total += p.memory_full_info().uss
                except psutil.Error:
                    pass
            peak[0] = max(peak[0], total)
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    t_att, attributions = fastest(lambda: an.find_attributions(frame))
    t_thr, threats = fastest(lambda: an.find_threats(frame, attributions=attributions))
    t_sum, summaries = fastest(
        lambda: (
            an.threat_summary(frame, threats=threats),
            an.sourcing_summary(frame, attributions=attributions),
        )
    )
    stop.set()
    sampler.join()
    added = peak[0] / 1e6
    del summaries
    # measured after the memory window, so that what they allocate and free does not hide the
    # pipeline's
    t_sent = fastest(lambda: len(an.split_sentences(frame)))[0]
    t_dict = fastest(lambda: len(an.lexicon.lexicon_counts(frame)))[0]
    rows = []
    for stage, secs in (
        ("regex pass", t_regex),
        ("split_sentences", t_sent),
        ("find_attributions", t_att),
        ("find_threats", t_thr),
        ("summaries", t_sum),
        ("lexicon_counts", t_dict),
    ):
        rows.append({"articles": size, "stage": stage, "s_per_1k": secs * 1000 / size})
    rows.append({"articles": size, "stage": "pipeline memory added (MB)", "s_per_1k": added})
    rows.append({"articles": size, "stage": "corpus text (MB)", "s_per_1k": text_mb})
    return rows


def _growth_table(rows: list[dict]) -> str:
    """The markdown table of :func:`growth`: a row per stage, a column per size and the ratio of
    the last size to the first."""
    table = pd.DataFrame(rows).pivot(index="stage", columns="articles", values="s_per_1k")
    order = [
        "regex pass",
        "split_sentences",
        "find_attributions",
        "find_threats",
        "summaries",
        "lexicon_counts",
        "pipeline memory added (MB)",
        "corpus text (MB)",
    ]
    table = table.reindex(order)
    lines = [
        "| stage (seconds per 1,000 articles; memory in MB) | "
        + " | ".join(f"{c:,}" for c in table.columns)
        + f" | ratio {table.columns[-1]:,} / {table.columns[0]:,} |",
        "|---|" + "---:|" * (len(table.columns) + 1),
    ]
    for stage, r in table.iterrows():
        ratio = r.iloc[-1] / r.iloc[0] if r.iloc[0] else float("nan")
        lines.append(
            f"| {stage} | "
            + " | ".join(f"{v:.2f}" if v < 100 else f"{v:,.0f}" for v in r)
            + f" | {ratio:.2f} |"
        )
    return "\n".join(lines)


def in_memory_row(corpus: pd.DataFrame, record, *, size: int = 1_000) -> None:
    """``load_articles`` on an in-memory DataFrame of ``size`` real articles (no file, no decoding),
    against the regex pass over the same texts: the cost of cleaning, the surrogate and type checks,
    language and duplicate flags on their own."""
    frame = corpus.head(size)[["article_id", "text"]].rename(columns={"article_id": "id"})
    texts = frame["text"].tolist()
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    base, _ = fastest(lambda: regex_pass(texts), runs=3)
    an.load_articles(frame.head(20))  # py3langid's model and the regexes, loaded once
    secs, loaded = fastest(lambda: an.load_articles(frame), runs=2)
    record(
        f"load_articles: in-memory DataFrame of {len(frame):,} articles",
        secs,
        articles=len(frame),
        megabytes=megabytes,
        lower_bound=base,
        note=f"{len(loaded):,} loaded, {len(loaded.attrs['rejected'])} rejected",
    )


def _markdown(table: pd.DataFrame) -> str:
    lines = [
        "| step | seconds | articles/s | MB/s | × regex pass | note |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for r in table.itertuples(index=False):
        lines.append(
            f"| {r.step} | {r.seconds:.2f} | {r[2]:,.0f} | {r[3]:.1f} | {r[4]:.1f} | {r.note} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
