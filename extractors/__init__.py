"""newsfigures: the figures news articles report, as data, at their exact spans.

>>> from extractors import extract
>>> [(q.text, q.category, q.low) for q in extract("Russia has carried out over 2,000 attacks on hospitals in Ukraine")]
[('over 2,000 attacks', 'attacks', 2000.0)]
"""

from .reading.engine import VERSION as __version__
from .reading.engine import extract, extract_iter
from .dataset.records import Document, Quantity

__all__ = ["extract", "extract_iter", "Quantity", "Document", "__version__"]
