"""The corpus: articles stored byte for byte in corpus/, with their provenance in
corpus/provenance.csv, checked before anything is extracted from them.

Every problem is a CorpusError naming the file (and line) and what is wrong with it.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from .records import Document

PROVENANCE = "provenance.csv"
PROVENANCE_COLUMNS = [c for c in Document.model_fields if c != "characters"]
DEFAULT_RIGHTS = ("Copyright its publisher. Kept in corpus/ for research and to make the dataset "
                  "reproducible; dist/ republishes only figures and the sentences they stand in, "
                  "not the article.")


class CorpusError(Exception):
    """Bad input: the message names the file and the problem."""


@dataclass(frozen=True)
class Article:
    document: Document
    text: str


def read_text(path: Path) -> str:
    """A file's text exactly as stored: UTF-8, no newline translation, no normalization."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorpusError(f"{path}: not UTF-8 (byte {error.start}: {data[error.start:error.start + 1]!r})") from None


def load(root: Path) -> list[Article]:
    """Every article listed in corpus/provenance.csv, checked against its file, in doc_id order."""
    corpus = root / "corpus"
    provenance = corpus / PROVENANCE
    if not provenance.is_file():
        raise CorpusError(f"{provenance}: missing (the corpus lists its articles there)")
    articles: dict[str, Article] = {}
    with provenance.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != PROVENANCE_COLUMNS:
            raise CorpusError(f"{provenance}: header must be {','.join(PROVENANCE_COLUMNS)}, "
                              f"found {','.join(reader.fieldnames or [])}")
        for line, row in enumerate(reader, start=2):
            where = f"{provenance}:{line}"
            if None in row or None in row.values():
                raise CorpusError(f"{where}: expected {len(PROVENANCE_COLUMNS)} columns")
            path = root / row["path"]
            if Path(row["path"]).parent != Path("corpus"):
                raise CorpusError(f"{where}: path {row['path']!r} must be a file directly in corpus/")
            if not path.is_file():
                raise CorpusError(f"{where}: {row['path']} does not exist")
            data = path.read_bytes()
            text = read_text(path)
            digest = hashlib.sha256(data).hexdigest()
            if digest != row["sha256"]:
                raise CorpusError(f"{path}: sha256 is {digest}, provenance says {row['sha256']} "
                                  f"(the file changed; articles are stored byte for byte)")
            if Path(row["path"]).stem != row["doc_id"]:
                raise CorpusError(f"{where}: doc_id {row['doc_id']!r} is not the file's stem")
            if row["doc_id"] in articles:
                raise CorpusError(f"{where}: doc_id {row['doc_id']} is listed twice")
            try:
                document = Document(**{k: (v if v != "" else None) for k, v in row.items()},
                                    characters=len(text))
            except ValidationError as error:
                problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
                raise CorpusError(f"{where}: {problems}") from None
            articles[document.doc_id] = Article(document, text)
    listed = {root / a.document.path for a in articles.values()}
    for path in sorted(corpus.glob("*.txt")):
        if path not in listed:
            raise CorpusError(f"{path}: not listed in {provenance} (add it with `extract add`)")
    return [articles[k] for k in sorted(articles)]


def add(root: Path, source: Path, *, title: str | None = None, outlet: str | None = None,
        url: str | None = None, published: dt.date | None = None, language: str = "en",
        rights: str = DEFAULT_RIGHTS, notes: str | None = None,
        added: dt.date | None = None) -> Document:
    """Copy an article into corpus/ byte for byte and record its provenance.

    The doc_id is the next three-digit index and the first 16 hex digits of the file's
    sha256, the shape of the seed ids.
    """
    corpus = root / "corpus"
    if not source.is_file():
        raise CorpusError(f"{source}: no such file")
    data = source.read_bytes()
    text = read_text(source)
    if not text.strip():
        raise CorpusError(f"{source}: empty article")
    existing = load(root)
    digest = hashlib.sha256(data).hexdigest()
    for article in existing:
        if article.document.sha256 == digest:
            raise CorpusError(f"{source}: already in the corpus as {article.document.doc_id}")
    index = 1 + max((int(a.document.doc_id.split("_")[0]) for a in existing
                     if a.document.doc_id.split("_")[0].isdigit()), default=-1)
    doc_id = f"{index:03d}_{digest[:16]}"
    target = corpus / f"{doc_id}.txt"
    document = Document(doc_id=doc_id, path=f"corpus/{doc_id}.txt", title=title, outlet=outlet,
                        url=url, published=published, language=language, sha256=digest,
                        characters=len(text), added=added or dt.date.today(), rights=rights,
                        notes=notes)
    row = document.model_dump(mode="json", include=set(PROVENANCE_COLUMNS))
    line = io.StringIO()
    csv.DictWriter(line, fieldnames=PROVENANCE_COLUMNS, lineterminator="\n").writerow(
        {k: "" if row[k] is None else row[k] for k in PROVENANCE_COLUMNS})
    provenance = corpus / PROVENANCE
    listed = provenance.read_text(encoding="utf-8")
    if listed and not listed.endswith("\n"):
        listed += "\n"
    # The article first, then the provenance that lists it, each written whole: a failure
    # in between leaves an unlisted file that the next add or build names, never a half row.
    shutil.copyfile(source, target)
    try:
        staged = provenance.with_name(f".{PROVENANCE}.new")
        staged.write_text(listed + line.getvalue(), encoding="utf-8", newline="")
        os.replace(staged, provenance)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return document


def read_jsonl(path: Path):
    """Yield (id, text) from a JSON Lines corpus of {"id", "text"} records, one a line."""
    with path.open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                yield str(record["id"]), record["text"]
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise CorpusError(f"{path}:{line_number}: not a {{\"id\", \"text\"}} record ({error})") from None
