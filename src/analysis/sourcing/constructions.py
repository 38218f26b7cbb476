"""Constructions: the sentence patterns that turn a cue into an attribution (speaker, cue, content)."""

from __future__ import annotations

from .attribution import _Attr
from .cues import _find_cues
from .data import (
    _CLOSE_QUOTES,
    _FINDING_VERBS,
    _FUNCTION_CAPS,
    _OPEN_QUOTES,
    _PARTICIPLES,
    _WEAK_VERBS,
    _lexicon,
)
from .mentions import (
    _first_verb_index,
    _head_noun,
    _noun_phrase_after,
    _plausible_speaker,
    _subject_before,
)
from .spans import _content_after, _is_clause_end, _quote_before
from .tokens import _Tok


def _process_sentence(
    text: str,
    toks: list[_Tok],
    sid: int,
    pid: int,
    s_start: int,
    s_end: int,
    quotes: list[tuple[int, int]],
) -> list[_Attr]:
    found: list[_Attr] = []
    cues = _find_cues(toks, quotes)
    verbs = _lexicon().verbs
    n = len(toks)
    consumed_until = -1
    for ci, cj, kind in cues:
        if ci < consumed_until:
            continue
        cue_tok = toks[ci]
        if kind == "colon":
            start = 0
            while start < ci and toks[start].low in _FUNCTION_CAPS:
                start += 1
            if start < ci and ci + 1 < n:
                found.append(
                    _Attr(
                        toks[start].start,
                        toks[ci - 1].end,
                        ":",
                        cue_tok.start,
                        cue_tok.end,
                        toks[ci + 1].start,
                        s_end,
                        sid,
                        pid,
                        "source: content",
                    )
                )
            continue
        if kind == "according":
            np_ = _noun_phrase_after(toks, cj, n, stop_at_relative=False)
            if not np_:
                continue
            sp_a, sp_b = np_
            # "According to X, CONTENT." or "CONTENT, according to X."
            if ci == 0 or (ci > 0 and toks[ci - 1].text not in ","):
                c_start = toks[sp_b + 1].start if sp_b + 1 < n else toks[sp_b - 1].end
                c_end = s_end
            else:
                c_start, c_end = s_start, toks[ci - 1].start
            found.append(
                _Attr(
                    toks[sp_a].start,
                    toks[sp_b - 1].end,
                    "according to",
                    cue_tok.start,
                    toks[cj - 1].end,
                    c_start,
                    c_end,
                    sid,
                    pid,
                    "according to X",
                )
            )
            consumed_until = sp_b
            continue
        if kind == "citing":
            np_ = _noun_phrase_after(toks, cj, n)
            if not np_:
                continue
            sp_a, sp_b = np_
            a = _Attr(
                toks[sp_a].start,
                toks[sp_b - 1].end,
                "citing",
                cue_tok.start,
                cue_tok.end,
                s_start,
                s_end,
                sid,
                pid,
                "citing X",
            )
            a.parent_hint = len(found) - 1 if found else None
            found.append(a)
            consumed_until = sp_b
            continue
        if kind == "quoted_as":
            subj = _subject_before(toks, ci)
            as_idx = next(k for k in range(cj, n) if toks[k].low == "as")
            np_ = (cj, as_idx) if as_idx > cj else None
            c_from = as_idx + 2
            if c_from < n and toks[c_from].low == "that":
                c_from += 1
            c_start = toks[c_from].start if c_from < n else s_end
            if subj:
                found.append(
                    _Attr(
                        toks[subj[0]].start,
                        toks[subj[1] - 1].end,
                        "quoted",
                        cue_tok.start,
                        cue_tok.end,
                        toks[cj].start,
                        s_end,
                        sid,
                        pid,
                        "X quoted Y as saying",
                    )
                )
            if np_:
                end = np_[1]
                while end > np_[0] and toks[end - 1].text in ",":
                    end -= 1
                b = _Attr(
                    toks[np_[0]].start,
                    toks[end - 1].end,
                    "quoted ... as saying",
                    cue_tok.start,
                    cue_tok.end,
                    c_start,
                    s_end,
                    sid,
                    pid,
                    "X quoted Y as saying",
                )
                b.parent_hint = len(found) - 1 if subj else None
                found.append(b)
            consumed_until = c_from
            continue
        # --- reporting verbs
        verb = cue_tok.low
        weak = verb in _WEAK_VERBS
        prev = toks[ci - 1] if ci > 0 else None
        # "said Sunday said": a doubled verb is one cue
        if (
            prev is not None
            and prev.low in verbs
            and not prev.cap
            and found
            and found[-1].cue_start == prev.start
        ):
            continue
        # participles after a comma take the subject of the main clause: "..., warning of ..."
        if (
            verb in _PARTICIPLES
            and prev is not None
            and prev.text in ",—–"
            and verb not in ("citing",)
        ):
            main = next((f for f in reversed(found) if f.speaker_start is not None), None)
            if main is not None:
                sp = (main.speaker_start, main.speaker_end)
            else:
                first = _subject_before(toks, _first_verb_index(toks))
                sp = (toks[first[0]].start, toks[first[1] - 1].end) if first else None
            content = _content_after(toks, cj, n, s_end, False, verb)
            if sp and content:
                found.append(
                    _Attr(
                        sp[0],
                        sp[1],
                        verb,
                        cue_tok.start,
                        cue_tok.end,
                        content[0],
                        content[1],
                        sid,
                        pid,
                        "participle after the main clause",
                    )
                )
            continue
        # "with the security officials saying ..."
        subj = _subject_before(toks, ci)
        after_quote = prev is not None and (
            prev.text in _CLOSE_QUOTES
            or (prev.text == "," and ci >= 2 and toks[ci - 2].text in _CLOSE_QUOTES)
        )
        postposed = (
            subj is not None
            and subj[0] > 0
            and toks[subj[0] - 1].text in ',”"'
            and _is_clause_end(toks, cj, n)
        )
        if after_quote and not subj:
            # “...,” said Salami
            np_ = _noun_phrase_after(toks, cj, n)
            q = _quote_before(toks, ci, quotes)
            if np_ and q:
                found.append(
                    _Attr(
                        toks[np_[0]].start,
                        toks[np_[1] - 1].end,
                        verb,
                        cue_tok.start,
                        cue_tok.end,
                        q[0],
                        q[1],
                        sid,
                        pid,
                        "quote, then cue and speaker",
                    )
                )
                consumed_until = np_[1]
            continue
        if subj is None and not weak and prev is not None and prev.text == "," and ci >= 4:
            # "CONTENT, said Alan Abramowitz, a demographer at Emory." / "..., say some Democrats, who ...":
            # an unquoted content before an inverted cue and its speaker
            np_ = _noun_phrase_after(toks, cj, n)
            if (
                np_
                and (np_[1] >= n or toks[np_[1]].text in ",;.")
                and _plausible_speaker(toks[np_[0] : np_[1]])
                and sum(1 for t in toks[: ci - 1] if t.is_word) >= 4
            ):
                c_end = prev.start
                found.append(
                    _Attr(
                        toks[np_[0]].start,
                        toks[np_[1] - 1].end,
                        verb,
                        cue_tok.start,
                        cue_tok.end,
                        s_start,
                        c_end,
                        sid,
                        pid,
                        "postposed: content, cue speaker",
                    )
                )
                consumed_until = np_[1]
            continue
        if subj is None:
            # a pronoun-less passive or an imperative: no attribution
            continue
        sp_a, sp_b = subj
        commas = [k for k in range(sp_a, sp_b) if toks[k].text == ","]
        if (
            commas
            and not weak
            and (cj >= n or toks[cj].text in ",.;")
            and commas[-1] + 1 < sp_b
            and sum(1 for t in toks[: commas[-1]] if t.is_word) >= 4
            and not any(t.text in _CLOSE_QUOTES or t.text in _OPEN_QUOTES for t in toks[:sp_b])
        ):
            # "Nor does she have any plans, advisers say, to take cues ...": a speaker and cue set off by commas;
            # the content is the sentence around them (or before them, when they close it)
            sp_a = commas[-1] + 1
            if not _plausible_speaker(toks[sp_a:sp_b]) or any(
                t.cap for t in toks[commas[-1] - 1 : commas[-1]]
            ):
                continue  # "Raphael Lemkin, who coined ...": an appositive of a name, not a speaker set off by commas
            closes = cj >= n or toks[cj].text in ".;" or (toks[cj].text == "," and cj + 1 >= n)
            c_end = toks[commas[-1]].start if closes else s_end
            found.append(
                _Attr(
                    toks[sp_a].start,
                    toks[sp_b - 1].end,
                    verb,
                    cue_tok.start,
                    cue_tok.end,
                    s_start,
                    c_end,
                    sid,
                    pid,
                    "parenthetical: content, speaker cue, content",
                )
            )
            continue
        q = _quote_before(toks, sp_a, quotes)
        if q is not None and _is_clause_end(toks, cj, n):
            # “...,” Salami said; a quotation that closes a longer sentence is mixed: X feared that Y “...,” Z said
            c_start = q[0] if q[0] <= s_start or not text[s_start : q[0]].strip() else s_start
            found.append(
                _Attr(
                    toks[sp_a].start,
                    toks[sp_b - 1].end,
                    verb,
                    cue_tok.start,
                    cue_tok.end,
                    c_start,
                    q[1],
                    sid,
                    pid,
                    "quote, then speaker and cue",
                )
            )
            continue
        if postposed:
            # "CONTENT, the report said." / "CONTENT, X declared, Y told the newspaper."
            c_end = toks[sp_a - 1].start
            while c_end > s_start and text[c_end - 1] in " ,":
                c_end -= 1
            c_start = s_start
            for f in found:
                if (
                    f.content_start == s_start
                    and f.cue_start < toks[sp_a].start
                    and f.rule.startswith("postposed")
                ):
                    pass
            found.append(
                _Attr(
                    toks[sp_a].start,
                    toks[sp_b - 1].end,
                    verb,
                    cue_tok.start,
                    cue_tok.end,
                    c_start,
                    max(c_start, c_end),
                    sid,
                    pid,
                    "postposed: content, speaker cue",
                )
            )
            continue
        subj_head = _head_noun(toks[sp_a:sp_b])
        if (
            weak
            and verb in _FINDING_VERBS
            and subj_head is not None
            and subj_head.low in _lexicon().kinds.get("document_noun", ())
        ):
            weak = False  # "a poll showed Clinton ahead": documents report without "that"
        content = _content_after(toks, cj, n, s_end, weak, verb)
        if content is None:
            continue
        found.append(
            _Attr(
                toks[sp_a].start,
                toks[sp_b - 1].end,
                verb,
                cue_tok.start,
                cue_tok.end,
                content[0],
                content[1],
                sid,
                pid,
                "speaker, cue, content",
            )
        )
    return found
