"""The corpus: articles stored byte for byte in corpus/, with their provenance in
corpus/provenance.csv, checked before anything is extracted from them.

Every problem is a CorpusError naming the file (and line) and what is wrong with it.
"""

from __future__ import annotations

import csv
import gzip
import datetime as dt
import hashlib
import io
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from . import stopping
from .records import Document, cell

PROVENANCE = "provenance.csv"
# A source's folder in corpus/: "whitehouse".
_FOLDER = re.compile(r"[a-z0-9][a-z0-9-]*")
PROVENANCE_COLUMNS = [c for c in Document.model_fields if c != "characters"]
DEFAULT_RIGHTS = ("Copyright its publisher. Kept in corpus/ for research and to make the dataset "
                  "reproducible; dist/ republishes only figures and the sentences they stand in, "
                  "not the article.")


class CorpusError(Exception):
    """Bad input: the message names the file and the problem."""


def _problems(error: ValidationError) -> str:
    """A pydantic error as one line: `field: what is wrong; ...`."""
    return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg'].removeprefix('Value error, ')}"
                     for e in error.errors())


@dataclass(frozen=True)
class Article:
    document: Document
    text: str


BOM = "\ufeff"


def blank(text: str) -> bool:
    """Whether a text holds nothing to read: only whitespace, NULs and invisible format
    characters (zero-width spaces, byte-order marks)."""
    return all(c.isspace() or c == "\x00" or unicodedata.category(c) == "Cf" for c in text)


@dataclass(frozen=True)
class Refusal:
    """Why an article is not admitted; a duplicate is one an import may skip."""

    message: str
    duplicate: bool = False

    def __str__(self) -> str:
        return self.message


class Admission:
    """The one check of what an article may be, for `extract add`, the build of corpus/ and
    every archive format: its text is Unicode (no lone surrogate), does not begin with a
    byte-order mark (`add` strips one; the offsets count from the first character of the
    text as stored, so a stored BOM would shift them), is not blank, and is neither an id
    nor a text seen before. Provenance fields are checked by `Document`."""

    def __init__(self):
        self._ids: dict[str, str] = {}
        self._texts: dict[bytes, str] = {}
        self.digest = b""

    def problem(self, doc_id: str, text: str, digest: bytes | None = None) -> Refusal | None:
        """What is wrong with an article (None: nothing), without admitting it; `digest` is
        the sha256 of its UTF-8 bytes where the caller has it (else it is computed, and
        kept as `self.digest`)."""
        if digest is None:
            try:
                digest = hashlib.sha256(text.encode("utf-8")).digest()
            except UnicodeEncodeError:
                return Refusal("the text holds a lone surrogate (not Unicode text)")
        self.digest = digest
        if text.startswith(BOM):
            return Refusal("the text begins with a byte-order mark (U+FEFF); save it without one (`extract add` strips it)")
        if blank(text):
            return Refusal(f"empty text (document {doc_id!r}): nothing but whitespace, NULs or invisible characters")
        return self.taken(doc_id, digest)

    def taken(self, doc_id: str, digest: bytes) -> Refusal | None:
        """Whether the id, or the text of this sha256, is an earlier article's."""
        seen = self._texts.get(digest[:16])
        if seen is not None:
            return Refusal(f"the same text as document {seen!r}", duplicate=True)
        if doc_id in self._ids:
            return Refusal(f"id {doc_id!r} already at {self._ids[doc_id]}", duplicate=True)
        return None

    def admit(self, doc_id: str, digest: bytes, where: str) -> None:
        """Take the id and the text of an article that passed."""
        self._ids[doc_id] = where
        self._texts[digest[:16]] = doc_id


# The longest record (a line of JSON Lines) a reader takes, by default: a record is held
# whole while it is parsed, so this bounds the memory one record takes, whatever the input
# (a 2 MB .jsonl.gz may expand to 2 GB on one line).
MAX_RECORD_BYTES = 64 * 1024 * 1024
_BLANK = b" \t\r\n\x0b\x0c"  # what bytes.strip() strips: a line of only these is no record


class RecordTooLong(Exception):
    """A line longer than the limit; the reader has skipped past it."""


def numbered_lines(stream: io.BufferedReader, first: int, limit: int = MAX_RECORD_BYTES):
    """(line number, bytes) of each line of `stream` that holds a record (blank lines are
    skipped), numbering from `first`; a line longer than `limit` bytes is read past in
    pieces, never held, and yields (number, RecordTooLong). Runs of blank lines are skipped
    a buffer at a time, so that a file of newlines costs what reading it costs."""
    number = first
    while True:
        ahead = stream.peek(1)
        if not ahead:
            return
        blank = len(ahead) - len(ahead.lstrip(_BLANK))
        if blank:
            number += ahead.count(b"\n", 0, blank)
            stream.read(blank)
            continue
        line = stream.readline(limit + 1)
        if len(line) > limit and not line.endswith(b"\n"):
            del line
            while (piece := stream.readline(1 << 20)) and not piece.endswith(b"\n"):
                pass
            yield number, RecordTooLong(f"a record longer than {limit:,} bytes (--max-record-bytes)")
        else:
            yield number, line
        number += 1


class CheckedZstd(io.RawIOBase):
    """A zstd file's frames, decompressed a few hundred compressed bytes at a time (so that
    one read never expands past a few MB, however well the input compresses), raising
    EOFError where the file ends inside a frame. (zstandard's stream reader returns
    end-of-file at a cut frame: a truncated file read as if whole.)"""

    FEED = 256

    def __init__(self, raw):
        import zstandard

        self.raw = raw
        self._decompressor = zstandard.ZstdDecompressor()
        self._frame = None
        self._pending, self._at = b"", 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while self._at >= len(self._pending):
            data = self.raw.read(self.FEED)
            if not data:
                if self._frame is not None and not self._frame.eof:
                    raise EOFError("the zstd stream ends inside a frame (the file is cut short)")
                return 0
            out = []
            while data:
                if self._frame is None or self._frame.eof:
                    self._frame = self._decompressor.decompressobj()
                out.append(self._frame.decompress(data))
                data = self._frame.unused_data if self._frame.eof else b""
            self._pending, self._at = b"".join(out), 0
        count = min(len(buffer), len(self._pending) - self._at)
        buffer[:count] = self._pending[self._at:self._at + count]
        self._at += count
        return count


# The longest provenance field (a title, a URL, a note): a documents row is read back
# whole, and a field of a megabyte is no title but a text in the wrong field.
MAX_FIELD_CHARACTERS = 10_000


class DuplicateKey(ValueError):
    """A JSON object names a field twice (JSON parsers keep one of them, each its own)."""


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    record = dict(pairs)
    if len(record) != len(pairs):
        seen = set()
        twice = next(k for k, _ in pairs if k in seen or seen.add(k))
        raise DuplicateKey(f"the field `{twice}` is given twice")
    return record



def parse_record(line: bytes) -> "dict | Refusal":
    """A line of JSON Lines as its value, or what is wrong with it (one line, no traceback):
    not JSON, a key given twice, a number of more digits than Python converts, nesting
    deeper than the parser goes."""
    try:
        return json.loads(line, object_pairs_hook=_no_duplicate_keys)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        return Refusal(f"not JSON ({getattr(error, 'msg', error)})")
    except DuplicateKey as error:
        return Refusal(str(error))
    except (ValueError, RecursionError) as error:
        return Refusal(f"not JSON this reader takes ({error})")


def unicode(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def field_problem(name: str, value) -> str | None:
    """What is wrong with a record's provenance field (None: nothing). A field is a string
    (a date may be a date, as Parquet types it): never a list, a number or an object made
    into one (a title list published as "['a', 'b']", epoch seconds read as a date)."""
    if name == "published" and isinstance(value, dt.date):
        return None
    if not isinstance(value, str):
        return f"is {_kind(value)}, not a string (the {name})"
    if not unicode(value):
        return "holds a lone surrogate (not Unicode text)"
    if len(value) > MAX_FIELD_CHARACTERS:
        return f"is {len(value):,} characters long, over the {MAX_FIELD_CHARACTERS:,} a provenance field may hold (the {name})"
    return None


def _kind(value) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object"}
    return next((n for t, n in names.items() if isinstance(value, t)), f"a {type(value).__name__}")


def read_text(path: Path) -> str:
    """A file's text exactly as stored: UTF-8, no newline translation, no normalization."""
    return _decode(path, path.read_bytes())


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorpusError(f"{path}: not UTF-8 (byte {error.start}: {data[error.start:error.start + 1]!r})") from None


def load(root: Path) -> list[Article]:
    """Every article listed in corpus/provenance.csv, checked against its file, in doc_id order."""
    return list(iter_articles(root))


def count(root: Path) -> int:
    """How many articles corpus/provenance.csv lists (checked as `iter_articles` checks them)."""
    return len(_listing(root))


def iter_articles(root: Path, skip=None, admission: "Admission | None" = None, rows: slice = slice(None)):
    """The articles of corpus/, one at a time, by doc_id: the listing is checked whole first
    (header, columns), then each article as it is read (`Admission`, its file, its
    provenance), so a corpus of any size streams through in the memory of one article.

    A bad article raises CorpusError; where `skip` is given, it is called with the problem
    instead and the article is left out. `admission` keeps the ids and texts seen, for a
    caller that admits more articles after these; `rows` takes a run of the listing (a
    cluster's shard)."""
    admission = admission or Admission()
    for entry in sorted(_listing(root), key=lambda entry: entry.row["doc_id"])[rows]:
        try:
            if entry.problem:
                raise CorpusError(entry.problem)
            yield _article(entry, admission)
        except CorpusError as error:
            if skip is None:
                raise
            skip(str(error))


@dataclass(frozen=True)
class Listed:
    """A row of provenance.csv: where it is, its fields, its file, and what is wrong with
    the row itself (a path outside corpus/, a symlink, a missing file)."""

    where: str
    row: dict
    path: Path
    problem: str | None = None


def _listing(root: Path) -> list[Listed]:
    corpus = root / "corpus"
    provenance = corpus / PROVENANCE
    if not provenance.is_file():
        raise CorpusError(f"{provenance}: missing (the corpus lists its articles there)")
    try:
        # A spreadsheet's byte-order mark is stripped ("utf-8-sig"); any other encoding is refused.
        listing = provenance.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise CorpusError(f"{provenance}: not UTF-8 (byte {error.start}); save it as UTF-8") from None
    entries, seen = [], set()
    inside = corpus.resolve()
    # Read back whatever a field's length (the csv module stops at 131,072 characters, and
    # a build, an add and a validate then failed naming no file); a long field is then
    # refused naming its line (`field_problem`).
    csv.field_size_limit(2**31 - 1)
    with io.StringIO(listing, newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != PROVENANCE_COLUMNS:
            raise CorpusError(f"{provenance}: header must be {','.join(PROVENANCE_COLUMNS)}, "
                              f"found {','.join(reader.fieldnames or [])}")
        for line, row in enumerate(reader, start=2):
            where = f"{provenance}:{line}"
            if None in row or None in row.values():
                raise CorpusError(f"{where}: expected {len(PROVENANCE_COLUMNS)} columns")
            path = root / row["path"]
            entries.append(Listed(where, row, path, _row_problem(where, row, path, inside, seen)))
            seen.add(row["doc_id"])
    listed = {entry.path for entry in entries}
    for path in sorted(corpus.glob("*.txt")) + sorted(p for folder in corpus.iterdir() if folder.is_dir()
                                                      for p in folder.iterdir()):
        if path not in listed:
            raise CorpusError(f"{path}: not listed in {provenance} (add it with `extract add`)")
    return entries


def _row_problem(where: str, row: dict, path: Path, inside: Path, seen: set) -> str | None:
    parent = Path(row["path"]).parent
    if not (parent == Path("corpus") or parent.parent == Path("corpus") and _FOLDER.fullmatch(parent.name)):
        return (f"{where}: path {row['path']!r} must be a file in corpus/ or in one "
                f"folder of it (a source: lower-case letters, digits, hyphens)")
    if path.is_symlink() or not path.resolve().is_relative_to(inside):
        return f"{where}: {row['path']} is a symlink (articles are regular files inside corpus/)"
    if not path.is_file():
        return f"{where}: {row['path']} does not exist or is not a regular file (articles are regular files inside corpus/)"
    if Path(row["path"]).stem != row["doc_id"]:
        return f"{where}: doc_id {row['doc_id']!r} is not the file's stem"
    if row["doc_id"] in seen:
        return f"{where}: doc_id {row['doc_id']} is listed twice"
    for name, value in row.items():
        problem = field_problem(name, value) if name in LONG_FIELDS_REFUSED else None
        if problem:
            return f"{where}: `{name}` {problem}"
    return None


# The provenance fields a person or an archive writes (the rest the tool writes itself).
LONG_FIELDS_REFUSED = ("title", "outlet", "url", "rights", "notes", "section", "published_time",
                       "source_path", "source_commit", "source_sha256")


def _article(entry: Listed, admission: Admission) -> Article:
    data = entry.path.read_bytes()
    text = _decode(entry.path, data)
    digest = hashlib.sha256(data)
    if digest.hexdigest() != entry.row["sha256"]:
        raise CorpusError(f"{entry.path}: sha256 is {digest.hexdigest()}, provenance says {entry.row['sha256']} "
                          f"(the file changed; articles are stored byte for byte)")
    problem = admission.problem(entry.row["doc_id"], text, digest.digest())
    if problem:
        raise CorpusError(f"{entry.path}: {problem}")
    try:
        fields = {k: (v if v != "" else None) for k, v in entry.row.items()}
        fields["full_text"] = entry.row["full_text"] == "true"
        document = Document(**fields, characters=len(text))
    except ValidationError as error:
        raise CorpusError(f"{entry.where}: {_problems(error)}") from None
    admission.admit(document.doc_id, digest.digest(), entry.where)
    return Article(document, text)


def add(root: Path, source: Path, *, title: str | None = None, outlet: str | None = None,
        url: str | None = None, published: dt.date | None = None, language: str = "en",
        rights: str = DEFAULT_RIGHTS, notes: str | None = None,
        added: dt.date | None = None) -> Document:
    """Copy an article into corpus/ byte for byte and record its provenance.

    A leading UTF-8 byte-order mark (as Notepad and Excel save) is the one thing not copied:
    it is no part of the text, and the offsets of the figures count from the text's first
    character. The article must pass the corpus's `Admission`. The doc_id is the next
    three-digit index and the first 16 hex digits of the stored bytes' sha256, the shape of
    the seed ids.
    """
    corpus = root / "corpus"
    if not source.is_file():
        raise CorpusError(f"{source}: no such file")
    for name, value in {"title": title, "outlet": outlet, "url": url, "rights": rights, "notes": notes}.items():
        problem = field_problem(name, value) if value is not None else None
        if problem:
            raise CorpusError(f"--{name}: {problem}")
    data = source.read_bytes().removeprefix(BOM.encode("utf-8"))
    text = _decode(source, data)
    with locked_for_change(root):
        return _add_locked(root, corpus, source, data, text, title=title, outlet=outlet, url=url,
                           published=published, language=language, rights=rights, notes=notes, added=added)


# Who changes the corpus holds this lock (exclusively, each in turn) and every build that
# reads it holds it too (shared): concurrent adds are serialized and no provenance row is
# lost (a regression: with 8 adds at once a row was lost in 4 of 10 trials, and every build
# failed after, on a file "not listed").
CORPUS_LOCK = ".corpus.lock"


def locked_for_change(root: Path):
    from .publish import locked

    return locked(root / CORPUS_LOCK, "change to the corpus", wait=True)


def locked_for_reading(root: Path):
    from .publish import locked

    return locked(root / CORPUS_LOCK, "change to the corpus", wait=True, shared=True)


def _add_locked(root: Path, corpus: Path, source: Path, data: bytes, text: str, *, title, outlet, url, published,
                language, rights, notes, added) -> Document:
    admission = Admission()
    existing = [article.document.doc_id for article in iter_articles(root, admission=admission)]
    index = 1 + max((int(doc_id.split("_")[0]) for doc_id in existing if doc_id.split("_")[0].isdigit()), default=-1)
    digest = hashlib.sha256(data).hexdigest()
    doc_id = f"{index:03d}_{digest[:16]}"
    problem = admission.problem(doc_id, text, bytes.fromhex(digest))
    if problem:
        raise CorpusError(f"{source}: " + (f"already in the corpus ({problem})" if problem.duplicate else str(problem)))
    target = corpus / f"{doc_id}.txt"
    try:
        document = Document(doc_id=doc_id, path=f"corpus/{doc_id}.txt", title=title, outlet=outlet,
                            url=url, published=published, language=language, sha256=digest,
                            characters=len(text), added=added or dt.date.today(), rights=rights,
                            notes=notes)
    except ValidationError as error:
        raise CorpusError(f"{source}: " + _problems(error)) from None
    with stopping.deferred(f"{target} was added"):
        _publish(corpus, [(target, data, document)])
    return document


def _provenance_line(document: Document) -> str:
    line = io.StringIO()
    row = document.model_dump()
    csv.writer(line, lineterminator="\n").writerow([cell(row[k]) for k in PROVENANCE_COLUMNS])
    return line.getvalue()


def _publish(corpus: Path, entries: list[tuple[Path, bytes, Document]]) -> None:
    """Write the articles, then the provenance that lists them, each file whole: a failure
    removes every article written, so the corpus is as it was (never a half row, never an
    unlisted file left behind by this call)."""
    provenance = corpus / PROVENANCE
    listed = provenance.read_text(encoding="utf-8")
    if listed and not listed.endswith("\n"):
        listed += "\n"
    written = []
    try:
        for target, data, _ in entries:
            target.parent.mkdir(exist_ok=True)
            staged = target.with_name(f".{target.name}.new")
            staged.write_bytes(data)
            os.replace(staged, target)
            written.append(target)
        staged = provenance.with_name(f".{PROVENANCE}.new")
        staged.write_text(listed + "".join(_provenance_line(d) for _, _, d in entries), encoding="utf-8", newline="")
        os.replace(staged, provenance)
    except BaseException:
        for target in written:
            target.unlink(missing_ok=True)
        for target, _, _ in entries:
            target.with_name(f".{target.name}.new").unlink(missing_ok=True)
        provenance.with_name(f".{PROVENANCE}.new").unlink(missing_ok=True)
        raise


# The fields of a JSON Lines record that become provenance, as the White House compilation
# names them (shared/corpora/README.md); `text` is stored byte for byte as the article.
RECORD_FIELDS = {"title": "title", "date": "published", "source_url": "url", "section": "section",
                 "published_time": "published_time", "source_path": "source_path",
                 "source_commit": "source_commit", "source_sha256": "source_sha256"}
PUBLIC_DOMAIN_RIGHTS = ("Public domain in the United States: a work of the US federal government "
                        "(17 U.S.C. 105), compiled by the brian14708/wh-briefings repository and "
                        "dedicated CC0 1.0 there. Published in full in dist/ (texts). Third-party "
                        "material quoted inside keeps its own rights.")


ALREADY = "already in the corpus"


def add_jsonl(root: Path, source: Path, *, folder: str, where: dict[str, set[str]] | None = None,
              contains: str | None = None, outlet: str | None = None, language: str = "en",
              rights: str = DEFAULT_RIGHTS, full_text: bool = False, skip_duplicates: bool = False,
              added: dt.date | None = None, keep=None,
              record_fields: dict[str, str] | None = None) -> tuple[list[Document], list[str]]:
    """Import every record of a JSON Lines file (plain or .gz) that passes the filters into
    corpus/<folder>/, byte for byte, with its provenance; all or nothing.

    A record is kept where each `where` field has one of its values, its text contains
    `contains` and `keep(record)` holds (`selection.about_a_conflict`). `record_fields` maps
    record fields to provenance fields where the records name them otherwise than
    `RECORD_FIELDS` (a mapping of docs/mappings/). Each becomes `corpus/<folder>/<doc_id>.md`,
    doc_id `<folder>_<date>_<16 hex of its sha256>`. A bad record (not JSON, no text, an empty text, a date that is no date)
    stops the import naming the file and line; so does a text already in the corpus or
    earlier in the file, unless `skip_duplicates`, which skips it and says so. Returns the
    documents added and the skips.
    """
    corpus = root / "corpus"
    if not _FOLDER.fullmatch(folder):
        raise CorpusError(f"--folder {folder!r}: lower-case letters, digits and hyphens only")
    if not source.is_file():
        raise CorpusError(f"{source}: no such file")
    with locked_for_change(root):
        admission = Admission()
        for _ in iter_articles(root, admission=admission):
            pass
        in_corpus = set(admission._texts)  # the texts of the corpus, apart from those earlier in this file
        entries, skipped = [], []
        for here, record in _jsonl_records(source):
            if where and any(str(record.get(k)) not in values for k, values in where.items()):
                continue
            text = record["text"]
            if contains is not None and contains not in text:
                continue
            if keep is not None and not keep(record):
                continue
            try:
                data = text.encode("utf-8")
            except UnicodeEncodeError:
                raise CorpusError(f"{here}: the text holds a lone surrogate (not Unicode text)") from None
            digest = hashlib.sha256(data).hexdigest()
            fields = {target: record.get(name) for name, target in (record_fields or RECORD_FIELDS).items()}
            for name, target in (record_fields or RECORD_FIELDS).items():
                problem = field_problem(target, fields[target]) if fields[target] not in (None, "") else None
                if problem:
                    raise CorpusError(f"{here}: `{name}` {problem}")
            date = fields.get("published") or "undated"
            doc_id = f"{folder}_{date}_{digest[:16]}"
            problem = admission.problem(doc_id, text, bytes.fromhex(digest))
            if problem and problem.duplicate:
                known = bytes.fromhex(digest)[:16] in in_corpus
                message = f"{here}: {ALREADY + ': ' if known else ''}{problem} (record {record.get('id')!r})"
                if not skip_duplicates:
                    raise CorpusError(message + "; --skip-duplicates skips such records")
                skipped.append(message)
                continue
            if problem:
                raise CorpusError(f"{here}: {problem}")
            try:
                document = Document(doc_id=doc_id, path=f"corpus/{folder}/{doc_id}.md", outlet=outlet,
                                    language=language, sha256=digest, characters=len(text),
                                    added=added or dt.date.today(), rights=rights, full_text=full_text,
                                    notes=f"Imported from {source.name}, record {record.get('id')!r}.",
                                    **{k: v or None for k, v in fields.items()})
            except ValidationError as error:
                problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
                raise CorpusError(f"{here}: {problems}") from None
            admission.admit(doc_id, bytes.fromhex(digest), here)
            entries.append((corpus / folder / f"{doc_id}.md", data, document))
        already = sum(f": {ALREADY}: " in message for message in skipped)
        if not entries and already:
            repeats = len(skipped) - already
            raise CorpusError(f"{source}: all {len(skipped)} records that pass the filters are {ALREADY}; nothing added"
                              if not repeats else
                              f"{source}: no new record: {already} that pass the filters are {ALREADY}, {repeats} "
                              "repeat earlier ones; nothing added")
        if not entries:
            raise CorpusError(f"{source}: no record passes the filters; nothing added")
        with stopping.deferred(f"{len(entries)} documents were added to {corpus / folder}"):
            _publish(corpus, entries)
    return [d for _, _, d in entries], skipped


def _jsonl_records(source: Path):
    """(`file:line`, record) of each record of a JSON Lines file (plain or .gz), read within
    MAX_RECORD_BYTES a line; a record that is no JSON object with a string `text` stops the
    import, naming its line."""
    with source.open("rb") as raw:
        stream = io.BufferedReader(gzip.GzipFile(fileobj=raw) if source.suffix == ".gz" else raw, 1 << 20)
        try:
            for number, line in numbered_lines(stream, 1):
                here = f"{source}:{number}"
                record = parse_record(line) if not isinstance(line, RecordTooLong) else Refusal(str(line))
                if isinstance(record, Refusal):
                    raise CorpusError(f"{here}: {record}")
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    raise CorpusError(f"{here}: a record needs a string `text`")
                yield here, record
        except (OSError, EOFError) as error:
            raise CorpusError(f"{source}: unreadable ({error})") from None


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
