"""Media analysis notebooks: load news articles, count threat language, break down sourcing.

>>> import analysis as an
>>> sorted(n for n in an.__all__ if not n.startswith("_"))[:3]
['ArticleLoadError', 'load_articles', 'paths']
"""

from . import paths
from .loading import ArticleLoadError, load_articles
from .text import split_sentences

__version__ = "0.1.0"
__all__ = ["ArticleLoadError", "load_articles", "paths", "split_sentences", "__version__"]
