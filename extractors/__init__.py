"""newsfigures: the figures news articles report, as data, at their exact spans.

>>> from extractors import extract
>>> [(q.text, q.category, q.low) for q in extract("Russia has carried out over 2,000 attacks on hospitals in Ukraine")]
[('over 2,000 attacks', 'attacks', 2000.0)]
"""

from importlib import import_module

__all__ = ["extract", "extract_iter", "Quantity", "Document", "__version__"]

# Imported when first asked for (PEP 562), so that `import extractors.<module>` costs only that
# module: the `extract` program sets its signal handlers before it loads the rules
# (extractors/command.py).
_WHERE = {"extract": ("reading.engine", "extract"), "extract_iter": ("reading.engine", "extract_iter"),
          "__version__": ("reading.engine", "VERSION"), "Quantity": ("dataset.records", "Quantity"),
          "Document": ("dataset.records", "Document")}


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attribute = _WHERE[name]
    value = getattr(import_module(f".{module}", __name__), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
