"""The corpora `extract build` reads, each streamed one article at a time: the repository's
`corpus/` folder, JSON Lines (plain, `.gz` or `.zst`) and Parquet (a file or a folder of them).

A record of an archive becomes an article through a `Mapping`: which of its fields is the id,
the text and each provenance field, and what holds for every record (language, rights,
whether the texts are public domain). The mapping is given by options or by a TOML file
(`docs/mappings/` has one for the White House archive); every bad record is a CorpusError
naming the file and line.
"""

from __future__ import annotations

import gzip
import io
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import corpus
from .corpus import Article, CorpusError
from .records import Document

# A record's provenance fields: every Document field an archive may give, by default under
# the same name.
PROVENANCE_FIELDS = ("title", "outlet", "url", "published", "language", "rights", "notes",
                     "section", "published_time", "source_path", "source_commit", "source_sha256")
NOT_STATED_RIGHTS = ("Not stated by this build: the rights of the input corpus apply. Built for "
                     "local analysis; the texts are not republished.")


# Bytes read from an archive at a time.
READ_BYTES = 1 << 20


class Mapping(BaseModel):
    """How the records of an archive become articles (a TOML file: `[fields]` and the rest)."""

    model_config = ConfigDict(extra="forbid")

    fields: dict[str, str] = Field(default_factory=dict,
                                   description="Article field -> record field: id, text and any provenance field.")
    language: str = Field("en", description="BCP 47 tag of every text, where the record gives none.")
    rights: str = Field(NOT_STATED_RIGHTS, description="Who holds the rights to the texts, where the record gives none.")
    outlet: Optional[str] = Field(None, description="The publisher of every record, where the record gives none.")
    public_domain: bool = Field(False, description="The texts are in the public domain: publish them whole (`texts`).")
    max_record_bytes: int = Field(corpus.MAX_RECORD_BYTES, gt=0,
                                  description="The longest record (a line of JSON Lines) read: a longer one is refused.")

    def field_of(self, name: str) -> str:
        return self.fields.get(name, name)

    @classmethod
    def load(cls, path: Path, **overrides) -> "Mapping":
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CorpusError(f"{path}: no such mapping file") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise CorpusError(f"{path}: not a TOML mapping ({error})") from None
        if not isinstance(data.get("fields", {}), dict):
            raise CorpusError(f"{path}: fields: a table of ARTICLE = \"RECORD\" names ([fields])")
        data.update({k: v for k, v in overrides.items() if v is not None and k != "fields"})
        data["fields"] = {**data.get("fields", {}), **(overrides.get("fields") or {})}
        try:
            mapping = cls(**data)
        except ValidationError as error:
            raise CorpusError(f"{path}: " + corpus._problems(error)) from None
        mapping.check(str(path))
        return mapping

    def check(self, where: str) -> None:
        unknown = sorted(set(self.fields) - {"id", "text", *PROVENANCE_FIELDS})
        if unknown:
            raise CorpusError(f"{where}: no article field {', '.join(unknown)} (fields: id, text, "
                              f"{', '.join(PROVENANCE_FIELDS)})")


@dataclass
class Source:
    """A corpus to build: where it is, how far reading it has got, what it says about rights."""

    path: Path
    name: str
    repository: bool = False
    total: int | None = None          # units of `position`: articles or bytes of the input
    position: int = 0
    skipped: list[str] = field(default_factory=list)
    articles: int = 0

    def __iter__(self) -> Iterator[Article]:  # pragma: no cover - each kind defines it
        raise NotImplementedError


def open_source(path: Path, mapping: Mapping | None = None, *, keep_going: bool = False) -> Source:
    """The reader for a corpus path: a repository (or its corpus/ folder), a JSON Lines file,
    a Parquet file, or a folder of Parquet files."""
    if not path.exists():
        raise CorpusError(f"{path}: no such corpus")
    if path.is_dir():
        if (path / "corpus").is_dir():
            return RepositoryCorpus(path, keep_going)
        if path.name == "corpus" and (path / corpus.PROVENANCE).is_file():
            return RepositoryCorpus(path.parent, keep_going)
        files = sorted(p for p in path.rglob("*.parquet") if p.is_file())
        if not files:
            raise CorpusError(f"{path}: neither a corpus/ folder (with {corpus.PROVENANCE}) nor a folder of Parquet files")
        return ParquetCorpus(path, files, mapping or Mapping(), keep_going)
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".jsonl.zst", ".ndjson", ".ndjson.gz", ".ndjson.zst")):
        return JsonLinesCorpus(path, mapping or Mapping(), keep_going)
    if name.endswith(".parquet"):
        return ParquetCorpus(path, [path], mapping or Mapping(), keep_going)
    raise CorpusError(f"{path}: not a corpus (a corpus/ folder, .jsonl[.gz|.zst] or .parquet)")


class RepositoryCorpus(Source):
    """corpus/ with its provenance.csv: every check of `corpus.iter_articles`."""

    def __init__(self, root: Path, keep_going: bool = False, rows: slice = slice(None)):
        super().__init__(path=root / "corpus", name="corpus", repository=True)
        self.root = root
        self.keep_going = keep_going
        self.rows = rows
        self.total = corpus.count(root)

    def _skip(self, message: str) -> None:
        self.position += 1
        self.skipped.append(message)

    def __iter__(self) -> Iterator[Article]:
        skip = self._skip if self.keep_going else None
        for article in corpus.iter_articles(self.root, skip, rows=self.rows):
            self.position += 1
            self.articles += 1
            yield article


class _Records(Source):
    """An archive of records: each becomes an article through the mapping, checked once."""

    def __init__(self, path: Path, mapping: Mapping, keep_going: bool):
        super().__init__(path=path, name=path.name)
        mapping.check(str(path))
        self.mapping = mapping
        self.keep_going = keep_going
        self._admission = corpus.Admission()

    def _refuse(self, message: str) -> None:
        if not self.keep_going:
            raise CorpusError(message + " (--keep-going skips such records and reports them)")
        self.skipped.append(message)

    def article(self, record, where: str, location: str) -> Article | None:
        """The article a record stands for, or None (and a report) where --keep-going skips it."""
        mapping = self.mapping
        if not isinstance(record, dict):
            self._refuse(f"{where}: a record is an object with `{mapping.field_of('id')}` and `{mapping.field_of('text')}`")
            return None
        text, key = record.get(mapping.field_of("text")), record.get(mapping.field_of("id"))
        if not isinstance(text, str):
            self._refuse(f"{where}: no string `{mapping.field_of('text')}` (the text; map another field with --field text=NAME)")
            return None
        if key is None or isinstance(key, bool) or not isinstance(key, (str, int)) or str(key).strip() == "":
            self._refuse(f"{where}: no `{mapping.field_of('id')}` (the document's id, a string or an integer; map another "
                         f"field with --field id=NAME)")
            return None
        doc_id = str(key)
        if not corpus.unicode(doc_id):
            self._refuse(f"{where}: `{mapping.field_of('id')}` holds a lone surrogate (not Unicode text)")
            return None
        refusal = self._admission.problem(doc_id, text)
        if refusal:
            self._refuse(f"{where}: {refusal}")
            return None
        fields = {}
        for name in PROVENANCE_FIELDS:
            value = record.get(mapping.field_of(name))
            if value is None or value == "":
                continue
            problem = corpus.field_problem(name, value)
            if problem:
                self._refuse(f"{where}: `{mapping.field_of(name)}` {problem}")
                return None
            fields[name] = value
        fields.setdefault("language", mapping.language)
        fields.setdefault("rights", mapping.rights)
        if mapping.outlet is not None:
            fields.setdefault("outlet", mapping.outlet)
        try:
            document = Document(doc_id=doc_id, path=location, sha256=self._admission.digest.hex(),
                                characters=len(text),
                                full_text=mapping.public_domain, **fields)
        except ValidationError as error:
            self._refuse(f"{where}: {corpus._problems(error)}")
            return None
        self._admission.admit(doc_id, self._admission.digest, where)
        self.articles += 1
        return Article(document, text)


    # Rows a DuckDB fetch brings from Parquet at a time.
    BATCH = 256

    def _lines(self, raw) -> io.BufferedReader:
        suffix = self.path.suffix.lower()
        if suffix == ".gz":
            return io.BufferedReader(gzip.GzipFile(fileobj=raw), READ_BYTES)
        if suffix == ".zst":
            return io.BufferedReader(corpus.CheckedZstd(raw), READ_BYTES)
        return io.BufferedReader(raw, READ_BYTES) if not isinstance(raw, io.BufferedReader) else raw

    def read_lines(self, lines: io.BufferedReader, first: int, raw=None) -> Iterator[Article]:
        """The articles of JSON Lines, numbering them from `first` (a shard starts mid-file)."""
        number = first - 1
        try:
            for number, line in corpus.numbered_lines(lines, first, self.mapping.max_record_bytes):
                if raw is not None:
                    self.position = raw.tell()
                where = f"{self.path}:{number}"
                if isinstance(line, corpus.RecordTooLong):
                    self._refuse(f"{where}: {line}")
                    continue
                record = corpus.parse_record(line)
                if isinstance(record, corpus.Refusal):
                    self._refuse(f"{where}: {record}")
                    continue
                article = self.article(record, where, f"{self.name}:{number}")
                if article is not None:
                    yield article
        except (OSError, EOFError) as error:  # a truncated or corrupt archive
            raise CorpusError(f"{self.path}:{number + 1}: unreadable ({error})") from None

    def read_rows(self, result, file: Path, label: str, first: int):
        """The article of each row of a DuckDB result (None where a bad one is skipped),
        numbering them from `first`."""
        names = [d[0] for d in result.description]
        published = self.mapping.field_of("published")
        number = first - 1
        while rows := result.fetchmany(self.BATCH):
            for row in rows:
                number += 1
                record = {k: (v.isoformat() if hasattr(v, "isoformat") and k != published else v)
                          for k, v in zip(names, row)}
                yield self.article(record, f"{file}: row {number}", f"{label}#{number}")


class JsonLinesCorpus(_Records):
    """One JSON object a line, the file plain, gzip- or zstd-compressed (by its suffix)."""

    def __init__(self, path: Path, mapping: Mapping, keep_going: bool):
        super().__init__(path, mapping, keep_going)
        self.total = path.stat().st_size

    def __iter__(self) -> Iterator[Article]:
        with self.path.open("rb", buffering=READ_BYTES) as raw:
            yield from self.read_lines(self._lines(raw), 1, raw)
        self.position = self.total

class ParquetCorpus(_Records):
    """Parquet files, read a batch of rows at a time through DuckDB."""

    def __init__(self, path: Path, files: list[Path], mapping: Mapping, keep_going: bool):
        super().__init__(path, mapping, keep_going)
        self.files = files
        self.name = path.name
        self.total = self._rows()

    def _rows(self) -> int:
        from .duckdb_io import connect, sql_string

        connection = connect()
        try:
            return sum(connection.execute(
                f"SELECT num_rows FROM parquet_file_metadata({sql_string(f)})").fetchone()[0] for f in self.files)
        except Exception as error:
            raise CorpusError(f"{self.path}: not readable as Parquet ({first_line(error)})") from None
        finally:
            connection.close()

    def __iter__(self) -> Iterator[Article]:
        from .duckdb_io import connect, sql_string

        connection = connect()
        try:
            for file in self.files:
                label = file.relative_to(self.path).as_posix() if file != self.path else file.name
                result = connection.execute(f"SELECT {columns_sql(connection, file, self.mapping)} "
                                            f"FROM read_parquet({sql_string(file)})")
                for article in self.read_rows(result, file, label, 1):
                    self.position += 1
                    if article is not None:
                        yield article
        except Exception as error:
            if isinstance(error, CorpusError):
                raise
            raise CorpusError(f"{self.path}: not readable as Parquet ({first_line(error)})") from None
        finally:
            connection.close()


def first_line(error: Exception) -> str:
    """An error's message as one line (DuckDB's may hold a Python traceback)."""
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def columns_sql(connection, file: Path, mapping: Mapping) -> str:
    """The select list that reads a Parquet file's columns as Python values: a timestamp with
    a time zone is read in UTC (DuckDB would hand it to Python through pytz, which is not a
    dependency): as an ISO string with +00:00, or as the UTC date where it is the date."""
    from .duckdb_io import sql_string

    described = connection.execute(f"DESCRIBE SELECT * FROM read_parquet({sql_string(file)})").fetchall()
    published = mapping.field_of("published")
    columns = []
    for name, kind, *_ in described:
        quoted = '"' + name.replace('"', '""') + '"'
        if kind == "TIMESTAMP WITH TIME ZONE":
            utc = f"make_timestamp(epoch_us({quoted}))"
            columns.append(f"CAST({utc} AS DATE) AS {quoted}" if name == published else
                           f"strftime({utc}, '%Y-%m-%dT%H:%M:%S.%f+00:00') AS {quoted}")
        else:
            columns.append(quoted)
    return ", ".join(columns) or "*"
