"""Sourcing: who said what. Attribution extraction, source types, name resolution, summaries.

Rules over our own tokens and sentences, with data files an analyst can read and edit:
``data/reporting_verbs.csv`` (cue forms and their behaviour flags), ``data/source_lexicon.csv``
(anonymity descriptors, outlets, document nouns, organisation words, places, titles, role nouns)
and ``data/word_classes.csv`` (function-word classes), all read and checked by ``data.load``.

Modules, one concern each: ``tokens`` (tokenizer), ``data`` (the loader and the derived word
sets), ``mentions`` (noun phrases, heads, names, the article's name registry), ``cues`` (which
words are cues), ``spans`` (quotations, content spans), ``constructions`` (the ordered registry
``CONSTRUCTIONS`` of sentence patterns, their names in ``Rule``), ``source_types`` (typing and
name resolution), ``relays`` (``relayed_via``, floating quotes), ``extract`` (the article pass,
``find_attributions``, ``attributions_in``), ``summary`` (``sourcing_summary``,
``with_relied_type``).

Constructions found (each with a test on a real sentence in ``tests/test_constructions.py``):

- direct quotes with the speaker after or before: "“...,” Salami said", "“...,” said Salami",
  "X said: “...”"; floating quotes that continue the previous speaker;
- indirect speech with the speaker before the cue ("X said (that) ...", "X told Y that ...",
  "X noted to the Times that ...") or after it ("..., the report said", "..., X declared, Y told
  the newspaper");
- "according to X", "citing X", "X's report said", "the report quoted X as saying";
- participles: "..., warning of ...", "with the officials saying ...", "issued a statement
  saying ...";
- relative clauses ("X, who said ..."), passives with their agent ("was first reported by
  MSNBC"), as-clauses ("As X noted, ..."), a name with a long apposition before its verb, a source
  before a colon that opens a quotation.

Each attribution gets a source type (``named_person``, ``anonymous``, ``organization``,
``media``, ``document``), the person's full name (surnames, titles, pronouns, later-named
descriptors and misspellings resolved within the article), the organisation a person speaks
for, the number of people when given, and the attribution it is relayed through.
"""

from .constructions import CONSTRUCTIONS, Rule
from .data import SourcingDataError
from .extract import ATTRIBUTION_COLUMNS, attributions_in, find_attributions
from .source_types import SOURCE_TYPES
from .summary import shares_by_group, sourcing_summary, with_relied_type

__all__ = [
    "find_attributions",
    "attributions_in",
    "sourcing_summary",
    "shares_by_group",
    "with_relied_type",
    "SOURCE_TYPES",
    "ATTRIBUTION_COLUMNS",
    "Rule",
    "CONSTRUCTIONS",
    "SourcingDataError",
]
