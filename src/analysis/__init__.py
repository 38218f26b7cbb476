"""Media analysis notebooks: load news articles, count threat language, break down sourcing.

The public functions (``../shared/API.md``) are importable from the top level:

>>> import analysis as an
>>> sorted(n for n in an.__all__ if not n.startswith("_"))  # doctest: +NORMALIZE_WHITESPACE
['ArticleLoadError', 'agreement', 'agreement_sentence', 'annotate', 'coded_from_labels',
 'coding_sheet', 'find_attributions', 'find_mentions', 'find_threats', 'kwic', 'load_articles',
 'load_lexicon', 'paths', 'save_figure', 'sentence_sentiment', 'sourcing_summary',
 'split_sentences', 'threat_summary']
"""

# Submodules re-exported for ``an.<module>`` access (``x as x`` marks an explicit re-export).
from . import cleaning as cleaning
from . import lexicon as lexicon
from . import loading as loading
from . import mentions as mentions
from . import paths as paths
from . import plotting as plotting
from . import reports as reports
from . import rhetoric as rhetoric
from . import sourcing as sourcing
from . import stats as stats
from . import text as text
from .annotate import annotate
from .figures import save_figure
from .lexicon import load_lexicon
from .loading import ArticleLoadError, load_articles
from .mentions import find_mentions
from .rhetoric import find_threats, kwic, sentence_sentiment, threat_summary
from .sourcing import find_attributions, sourcing_summary
from .text import split_sentences
from .validate import agreement, agreement_sentence, coded_from_labels, coding_sheet

__version__ = "0.1.0"
__all__ = [
    "ArticleLoadError",
    "agreement",
    "agreement_sentence",
    "annotate",
    "coded_from_labels",
    "coding_sheet",
    "find_attributions",
    "find_mentions",
    "find_threats",
    "kwic",
    "load_articles",
    "load_lexicon",
    "paths",
    "save_figure",
    "sentence_sentiment",
    "sourcing_summary",
    "split_sentences",
    "threat_summary",
    "__version__",
]
