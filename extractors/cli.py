"""`extract`: a thin command line over the package's functions, one function per command."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import os
import sys
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .dataset import build as building
from .dataset import publish
from .dataset import corpus
from .evaluation import evaluate, war_gold
from .reading.engine import VERSION, extract
from .dataset.duckdb_io import paths_sql
from .dataset.records import cell

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="newsfigures: the figures news articles report, as a validated dataset.")
# With --debug an unexpected error shows its traceback; without, one line.
_DEBUG = {"on": False}

ROOT = typer.Option(
    Path("dist"), "--root", metavar="PACKAGE", file_okay=False, dir_okay=True,
    help="The package folder: dist (the default: the repository's own, with corpus/ beside it) or any "
         "folder `extract build --out` wrote. build, add and eval work on the repository whose dist/ it is. "
         "A repository's folder (what --root named up to 0.6) is read as its dist/.")


@dataclass(frozen=True)
class Package:
    """What --root names: a package folder, and the repository it is the dist/ of, if any
    (the folder beside it with corpus/, the root datapackage.json and schema/)."""

    folder: Path
    repository: Path | None

    @classmethod
    def at(cls, root: Path) -> "Package":
        # A package folder never holds corpus/ or dist/ (validate refuses any file it does not
        # name), so a folder that does is a repository, named the way --root used to name it.
        if (root / "corpus").is_dir() or (root / "dist").is_dir():
            return cls(root / "dist", root)
        if root.name == "dist" and ((root.parent / "corpus").is_dir() or (root.parent / "datapackage.json").is_file()):
            return cls(root, root.parent)
        return cls(root, None)

    def needs_repository(self, what: str) -> Path:
        if self.repository is None:
            _fail(f"{self.folder}: not a repository's dist/ (no corpus/ beside it); {what}")
        return self.repository


# The exit status of a build that published a package but skipped bad records (--keep-going).
SKIPPED_EXIT = 3


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


def _version(value: bool) -> None:
    if value:
        typer.echo(VERSION)
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit."),
         debug: bool = typer.Option(False, "--debug", help="Show the traceback of an unexpected error.")) -> None:
    """newsfigures: the figures news articles report, as a validated dataset."""
    _DEBUG["on"] = debug


def run() -> None:
    """The `extract` command: every error is one line, `error: ...`, unless --debug. SIGINT
    (Ctrl-C) and SIGTERM stop it whole (dataset/stopping.py): one line, `interrupted: ...`,
    and the exit status 128 + the signal's number (130, 143)."""
    from .dataset import stopping

    try:
        with stopping.handling_signals():
            app()
    except (stopping.Interrupted, KeyboardInterrupt) as stopped:
        interrupted = stopped if isinstance(stopped, stopping.Interrupted) else stopping.Interrupted(2)
        typer.echo(f"interrupted: {interrupted.outcome}", err=True)
        sys.exit(interrupted.exit_status)
    except Exception as error:  # usage errors and our own `error:` lines have exited already
        if _DEBUG["on"] or "--debug" in sys.argv:
            raise
        typer.echo(f"error: {_one_line(error)}", err=True)
        sys.exit(1)


def _one_line(error: Exception) -> str:
    """An unexpected error as `PATH: what is wrong` where the system names a file (a full
    disk, a read-only folder), else its type and message."""
    if isinstance(error, OSError) and error.strerror:
        where = error.filename if error.filename is not None else "(no file named)"
        also = f" -> {error.filename2}" if error.filename2 is not None else ""
        return f"{where}{also}: {error.strerror}; nothing was changed"
    return f"{type(error).__name__}: {error} (run with --debug for the traceback)"


@app.command("build")
def build_command(
        root: Path = ROOT,
        corpus_path: Optional[Path] = typer.Option(
            None, "--corpus", help="The corpus to build: a corpus/ folder, JSON Lines (.jsonl, .jsonl.gz, "
                                   ".jsonl.zst) or Parquet (a file or a folder of them). Default: the corpus/ "
                                   "beside --root."),
        out: Optional[Path] = typer.Option(
            None, "--out", help="A package folder of its own to write (replaced whole). Default: --root, the "
                                "repository's dist/ (with datapackage.json and schema/ beside it), which only "
                                "the repository's own corpus builds into."),
        jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1,
                                           help="Processes that extract (default: the cores available)."),
        fields: list[str] = typer.Option([], "--field", metavar="ARTICLE=RECORD",
                                         help="Read an article field from a record field: --field text=body, "
                                              "--field published=date (repeatable; id, text and any provenance field)."),
        mapping_file: Optional[Path] = typer.Option(None, "--mapping",
                                                    help="A TOML mapping of record fields (docs/mappings/)."),
        language: Optional[str] = typer.Option(None, "--language", help="BCP 47 tag of texts whose record gives none (default en)."),
        rights: Optional[str] = typer.Option(None, "--rights", help="The rights of texts whose record states none."),
        outlet: Optional[str] = typer.Option(None, "--outlet", help="The publisher of records that name none."),
        public_domain: Optional[bool] = typer.Option(None, "--public-domain/--not-public-domain",
                                                     help="The texts are public domain: publish them whole (texts)."),
        keep_going: bool = typer.Option(False, "--keep-going",
                                        help="Skip a bad article or record (no text, a duplicate, bad provenance) and report "
                                             "it, instead of stopping; the package holds the rest, and the exit status is 3."),
        part_bytes: int = typer.Option(building.PART_BYTES, "--part-bytes", min=1, hidden=True,
                                       help="CSV bytes above which a table is published as Parquet parts."),
        engine: str = typer.Option("local", "--engine", help="local (processes on this machine) or dask (a Dask cluster: the cluster extra)."),
        scheduler: Optional[str] = typer.Option(None, "--scheduler", help="With --engine dask: the scheduler's address (default: a local cluster, one worker a core)."),
        memory_limit: str = typer.Option("160MB", "--memory-limit",
                                         help="DuckDB's memory for sorting and writing; beyond it, it spills to disk."),
        site: Optional[bool] = typer.Option(None, "--site/--no-site",
                                            help="Write the viewer (site/) beside the tables: by default for the repository's "
                                                 "dist/, not for a package built --out (an archive's site is a page a document)."),
        allow_empty: bool = typer.Option(False, "--allow-empty", help="Publish a package of no document (otherwise a "
                                         "corpus that gives none is an error and the package in place stays)."),
        allow_shrink: bool = typer.Option(False, "--allow-shrink", help="Publish a package of fewer than half the documents "
                                          "of the one it replaces (otherwise an error, and the package in place stays)."),
        max_record_bytes: Optional[int] = typer.Option(
            None, "--max-record-bytes", min=1, help="The longest record (a line of JSON Lines) to read; a longer one is "
                                                    "refused, naming its line (default 64 MiB)."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing on success.")) -> None:
    """Extract every article of a corpus and write a validated package.

    Streams the corpus through --jobs processes, sorts and writes the tables with DuckDB
    within a memory limit, validates the package in a temporary folder (frictionless, keys,
    offsets, CSV = Parquet) and only then replaces the target; a failed build changes
    nothing. The bytes are the same for every --jobs.

    --root names the repository's package (default dist): its corpus/ is the default corpus,
    and without --out the package is written there, with datapackage.json and schema/
    beside it.

    Example: extract build

    Example: extract build --corpus archive.jsonl.zst --out archive-figures --field text=body
    """
    from .dataset import duckdb_io, pipeline, sources

    if engine not in ("local", "dask"):
        _fail(f"--engine {engine!r}: local or dask")
    if scheduler is not None and engine != "dask":
        _fail("--scheduler is the address of a Dask scheduler: give it with --engine dask")
    try:
        duckdb_io.set_memory_limit(memory_limit)
    except ValueError as error:
        _fail(str(error))
    mapping = None
    if corpus_path is not None:
        try:
            pairs = dict(_field_pair(f) for f in fields)
            overrides = {"fields": pairs, "language": language, "rights": rights, "outlet": outlet,
                         "public_domain": public_domain, "max_record_bytes": max_record_bytes}
            if mapping_file is not None:
                mapping = sources.Mapping.load(mapping_file, **overrides)
            else:
                mapping = sources.Mapping(**{k: v for k, v in overrides.items() if v is not None})
                mapping.check("--field")
        except corpus.CorpusError as error:
            _fail(str(error))
    elif fields or mapping_file or language or rights or outlet or public_domain is not None or max_record_bytes:
        _fail("--field, --mapping, --language, --rights, --outlet, --public-domain and --max-record-bytes describe "
              "an archive given with --corpus; corpus/ has its provenance in corpus/provenance.csv")
    package = Package.at(root)
    if out is None or corpus_path is None:
        repository = package.needs_repository(
            "build writes a repository's dist/ from its corpus/; build a corpus into a folder of its own with "
            "--corpus CORPUS --out DIR")
    else:  # an archive into a folder of its own: no repository is read or written
        repository = package.repository or package.folder.parent
    pipeline.ready_to_extract()  # this process is the build's own
    show = sys.stderr.isatty() and not quiet and not os.environ.get("CI")
    with _progress_display(show) as progress:
        try:
            report = building.build(repository, progress, corpus_path=corpus_path, out=out, mapping=mapping,
                                    jobs=jobs, part_bytes=part_bytes, keep_going=keep_going, site=site,
                                    allow_empty=allow_empty, allow_shrink=allow_shrink,
                                    engine=building.Engine(engine, scheduler, lambda m: typer.echo(m, err=True)))
        except (corpus.CorpusError, building.BuildError) as error:
            _fail(str(error))
    for skipped in report.skipped:
        typer.echo(f"skipped: {skipped}", err=True)
    if not quiet:
        rate = report.characters / report.seconds / 1e6 if report.seconds else 0.0
        typer.echo(f"built {report.out}: " + ", ".join(f"{n} {k}" for k, n in report.rows.items())
                   + f" from {report.characters:,} characters in {report.seconds:.1f} s "
                     f"({rate:.2f} M characters/s; "
                     + ", ".join(f"{k} {v:.1f} s" for k, v in report.phases.items()) + ")"
                   + (f"; {len(report.skipped)} records skipped" if report.skipped else "")
                   + (f"; it replaces a package of {report.replaced} documents"
                      if report.replaced is not None and report.replaced != report.rows["documents"] else "")
                   + "; datapackage.json valid")
    if report.skipped:
        # The package is published, but it is not the whole corpus: a script must notice.
        raise typer.Exit(SKIPPED_EXIT)


def _field_pair(text: str) -> tuple[str, str]:
    name, sep, record_field = text.partition("=")
    if not sep or not name or not record_field:
        raise corpus.CorpusError(f"--field {text!r}: give ARTICLE=RECORD, e.g. text=body")
    return name, record_field


@contextlib.contextmanager
def _progress_display(show: bool):
    """A progress bar with documents/s, characters/s and ETA on a terminal (rich); nothing
    in CI or a pipe, where the summary line says it all."""
    if not show:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    bar = Progress(TextColumn("extracting"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                   TextColumn("{task.fields[documents]:,} documents ({task.fields[documents_rate]:,.0f}/s)"),
                   TextColumn("{task.fields[characters_rate]:.2f} M characters/s"),
                   TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                   console=Console(stderr=True), transient=True)
    task = bar.add_task("extract", total=None, documents=0, documents_rate=0.0, characters_rate=0.0)

    def update(done) -> None:
        import time

        elapsed = max(time.monotonic() - done.started, 1e-9)
        bar.update(task, documents=done.documents, documents_rate=done.documents / elapsed,
                   characters_rate=done.characters / elapsed / 1e6, total=done.total, completed=done.position)

    with bar:
        yield update


@app.command("validate")
def validate_command(root: Path = ROOT,
                     rebuild: bool = typer.Option(True, "--rebuild/--no-rebuild",
                                                  help="Also check that a fresh build from corpus/ writes the same bytes.")) -> None:
    """Re-check a built package as a consumer would: the descriptor and schemas, frictionless
    validation, the files' sizes and hashes, Parquet rows, keys, and every quantity's offsets.
    Of a repository's dist/, also its root datapackage.json and schema/, and where corpus/ is
    present, the offsets into the articles, the documents' provenance, and (unless
    --no-rebuild) that a fresh build writes exactly the published bytes.

    Example: extract validate

    Example: extract validate --root archive-figures
    """
    package = Package.at(root)
    root = package.repository or package.folder
    if (root / publish.PREVIOUS).exists():
        _fail(f"{root / publish.PREVIOUS}: a build was interrupted; `extract build` restores the last good package")
    notes: list[str] = []
    try:
        # A package being swapped in is half the old and half the new: validate waits for no
        # build and checks none that runs (a regression: false errors while a build published).
        with building.no_build_running(root):
            articles = building.corpus_articles(root) if package.repository else None
            problems = building.validate(root, articles)
            if not problems and articles is not None and rebuild:
                problems, notes = building.differences(root)
    except (corpus.CorpusError, building.BuildError) as error:
        _fail(str(error))
    if problems:
        for problem in problems[:-1]:
            typer.echo(f"error: {problem}", err=True)
        _fail(problems[-1])
    for note in notes:
        typer.echo(f"note: {note}", err=True)
    typer.echo(f"{root / 'datapackage.json'}: valid" + (
        " (no corpus/: offsets checked within sentences only)" if articles is None else
        "; a fresh build writes the same rows (see the note)" if notes else
        "; a fresh build writes the same bytes" if rebuild else ""))


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command("query")
def query_command(sql: str = typer.Argument(..., help="DuckDB SQL over the views documents, quantities, texts, claims and claim_quantities."),
                  format: Format = typer.Option(Format.table, "--format", "-f", help="table, csv or json."),
                  root: Path = ROOT) -> None:
    """Run SQL over the published tables with DuckDB.

    Example: extract query "SELECT category, count(*) FROM quantities GROUP BY 1"
    """
    import duckdb

    connection = _package_views(root)
    try:
        result = connection.execute(sql)
    except duckdb.Error as error:
        _fail(f"query failed: {error}")
    columns = [d[0] for d in result.description or []]
    rows = result.fetchall()
    if format is Format.json:
        typer.echo(json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False,
                              indent=2, default=str))
    elif format is Format.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[cell(v) for v in row] for row in rows])
        typer.echo(buffer.getvalue(), nl=False)
    else:
        _print_table(columns, rows)


def _print_table(columns: list[str], rows: list[tuple]) -> None:
    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    typer.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip())
    typer.echo("  ".join("-" * w for w in widths))
    for row in cells:
        typer.echo("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())
    typer.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


def _package_views(root: Path):
    """A DuckDB connection with a view of each table of the package --root names, read from
    the Parquet files (or parts) its datapackage.json lists."""
    import duckdb

    folder = Package.at(root).folder
    descriptor = folder / "datapackage.json"
    try:
        package = json.loads(descriptor.read_text(encoding="utf-8"))
        resources = {r["name"]: r for r in package["resources"]}
    except FileNotFoundError:
        _fail(f"{descriptor}: missing (run `extract build`, or give the package folder with --root)")
    except (OSError, ValueError, TypeError, KeyError) as error:
        _fail(f"{descriptor}: not a {building.PACKAGE_NAME} package descriptor ({error})")
    connection = duckdb.connect(":memory:")
    for name in building.TABLE_NAMES:
        resource = resources.get(building.parquet_name(name))
        if resource is None:
            _fail(f"{descriptor}: no resource {building.parquet_name(name)}")
        paths = [folder / path for path in building.resource_paths(resource)]
        missing = [path for path in paths if not path.is_file()]
        if missing:
            _fail(f"{missing[0]}: missing (run `extract build`, or give the package folder with --root)")
        connection.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet({paths_sql(paths)})")
    return connection


@app.command("claims")
def claims_command(category: Optional[str] = typer.Option(None, "--category", "-c",
                                                          help="Only claims of this category (aid, weapon_range, casualties, …)."),
                   disagree: bool = typer.Option(False, "--disagree", help="Only claims whose sources disagree."),
                   shared: bool = typer.Option(False, "--shared", help="Only claims that more than one document states."),
                   root: Path = ROOT) -> None:
    """Print the claims (figures that state the same fact across documents) with their
    members: who gives each figure, the bounds it admits, and whether it agrees.

    Example: extract claims --category weapon_range

    Example: extract claims --disagree
    """
    from .reading import about
    from .dataset import claims

    if category is not None and category not in about.CATEGORIES:
        _fail(f"--category: {category!r} is not one of {', '.join(about.CATEGORIES)}")
    sql, parameters = claims.members_sql(category, disagree, shared)
    rows = _package_views(root).execute(sql, parameters).fetchall()
    shown = None
    count = 0
    for row in rows:
        (claim_id, category_, measure, subject, unit, period, documents, sources, low, high, agree,
         source, text, member_low, member_high, agrees, quantity_id) = row
        if claim_id != shown:
            shown, count = claim_id, count + 1
            what = " ".join(filter(None, [category_, measure]))
            consensus = "empty" if low is None and high is None else f"{_bound(low)} to {_bound(high)} {unit}"
            typer.echo(f"\n{claim_id}  {what}: {subject} ({unit}{', ' + period if period else ''})  "
                       f"{documents} document{'s' * (documents != 1)}, {sources} source{'s' * (sources != 1)}, "
                       f"{'agree' if agree else 'DISAGREE'}; consensus {consensus}")
        mark = " " if agrees else "✗"
        typer.echo(f"  {mark} {_one_cell(source)[:28]:28}  {_one_cell(text)[:40]:40}  "
                   f"[{_bound(member_low)}, {_bound(member_high)}]  {quantity_id}")
    typer.echo(f"\n({count} claim{'s' * (count != 1)})")


def _bound(value) -> str:
    if value is None:
        return "…"
    return f"{int(value):,}" if value == int(value) else f"{value:,.4g}"


def _one_cell(text: str) -> str:
    return " ".join(str(text).split())


@app.command("show")
def show_command(doc_id: str = typer.Argument(..., help="The document's id (documents.doc_id)."),
                 root: Path = ROOT) -> None:
    """Print a document with its figures highlighted by category, a legend and a table of its
    figures (of a document whose text is not published, the sentences the tables hold).

    Example: extract show 000_e0b8bcc4a6f47617
    """
    from rich.console import Console

    from .views.terminal import show_document

    try:
        show_document(_package_views(root), doc_id, Console())
    except KeyError as error:
        _fail(str(error))


@app.command("text")
def text_command(text: str = typer.Argument(..., help="The text to read; '-' reads standard input.")) -> None:
    """Print the figures found in a text as JSON.

    Example: extract text "ATACMS missiles can travel up to 300 km"
    """
    if text == "-":
        text = sys.stdin.read()
    typer.echo(json.dumps([q.model_dump(mode="json") for q in extract(text)], ensure_ascii=False, indent=2))


@app.command("add")
def add_command(file: Path = typer.Argument(..., help="The article as a UTF-8 text file, or with --jsonl a JSON Lines file (plain or .gz) of records."),
                outlet: Optional[str] = typer.Option(None, help="Publisher, where known."),
                url: Optional[str] = typer.Option(None, help="The article's URL, where known."),
                title: Optional[str] = typer.Option(None, help="The headline, as written."),
                published: Optional[str] = typer.Option(None, help="Publication date, YYYY-MM-DD, where known."),
                language: str = typer.Option("en", help="BCP 47 language tag."),
                rights: Optional[str] = typer.Option(None, help="Rights note (default: the publisher's copyright; "
                                                     "with --public-domain, the US government work note)."),
                notes: Optional[str] = typer.Option(None, help="How the provenance was established."),
                jsonl: bool = typer.Option(False, "--jsonl", help="Import the records of a JSON Lines file, all or nothing."),
                folder: str = typer.Option("imported", help="With --jsonl: the source's folder in corpus/."),
                where: list[str] = typer.Option([], help="With --jsonl: keep records whose FIELD is one of the "
                                                "comma-separated VALUES (FIELD=VALUES); repeatable."),
                contains: Optional[str] = typer.Option(None, help="With --jsonl: keep records whose text contains this."),
                public_domain: bool = typer.Option(False, "--public-domain", help="The texts are public domain: "
                                                   "dist/ publishes them in full (the texts table)."),
                skip_duplicates: bool = typer.Option(False, "--skip-duplicates", help="With --jsonl: skip, and report, "
                                                     "a record whose text is already in the corpus."),
                conflict: Optional[float] = typer.Option(
                    None, "--conflict", metavar="MIN", help="With --jsonl: keep records about a war of the conflict "
                    "gazetteer: one conflict's names weigh MIN in the text (its own names, parties and places 1 each, a "
                    "country, capital or demonym 0.5; conflicts fought on the record's date), or the title names one. "
                    "0.5: any mention."),
                mapping_file: Optional[Path] = typer.Option(
                    None, "--mapping", help="With --jsonl: a TOML mapping of the records' fields (docs/mappings/); its "
                    "outlet, rights and public_domain apply unless given here."),
                root: Path = ROOT) -> None:
    """Copy an article into corpus/ byte for byte and record its provenance, or with --jsonl
    import a batch of records. Then run `extract build`.

    Example: extract add article.txt --outlet "The Guardian" --url https://... --published 2024-11-17

    Example: extract add ../shared/corpora/whitehouse-briefing-room.jsonl.gz --jsonl --folder whitehouse
    --where section=statements-releases,fact-sheets,briefings-statements --contains Ukraine
    --outlet "The White House" --public-domain --skip-duplicates

    Example: extract add ../shared/corpora/state-department-press-releases.jsonl.gz --jsonl --folder state
    --mapping docs/mappings/state-department-press-releases.toml --conflict 0.5
    """
    root = Package.at(root).needs_repository("add copies an article into the corpus/ beside the repository's dist/")
    if jsonl:
        from .dataset import selection, sources

        record_fields, published_field = None, "date"
        if mapping_file is not None:
            try:
                mapping = sources.Mapping.load(mapping_file)
            except corpus.CorpusError as error:
                _fail(str(error))
            record_fields = {mapping.field_of(name): name for name in corpus.RECORD_FIELDS.values()}
            published_field = mapping.field_of("published")
            outlet = outlet or mapping.outlet
            public_domain = public_domain or mapping.public_domain
            rights = rights or (mapping.rights if mapping.rights != sources.NOT_STATED_RIGHTS else None)
            language = mapping.language if language == "en" else language
        keep = selection.about_a_conflict(conflict, published_field) if conflict is not None else None
        filters = {}
        for condition in where:
            field, equals, values = condition.partition("=")
            if not equals or not field or not values:
                _fail(f"--where {condition!r}: expected FIELD=VALUE[,VALUE...]")
            filters[field] = set(values.split(","))
        try:
            documents, skipped = corpus.add_jsonl(
                root, file, folder=folder, where=filters, contains=contains, outlet=outlet,
                language=language, full_text=public_domain, skip_duplicates=skip_duplicates,
                rights=rights or (corpus.PUBLIC_DOMAIN_RIGHTS if public_domain else corpus.DEFAULT_RIGHTS),
                keep=keep, record_fields=record_fields)
        except corpus.CorpusError as error:
            _fail(str(error))
        for message in skipped:
            typer.echo(f"skipped: {message}", err=True)
        already = sum(corpus.ALREADY in message for message in skipped)
        typer.echo(f"added {len(documents)} documents to corpus/{folder}/ ({len(skipped)} skipped"
                   + (f", {already} of them {corpus.ALREADY}" if already else "") + "); run `extract build` to publish them")
        return
    try:
        date = dt.date.fromisoformat(published) if published else None
    except ValueError:
        _fail(f"--published {published!r}: not a YYYY-MM-DD date")
    try:
        document = corpus.add(root, file, title=title, outlet=outlet, url=url, published=date,
                              language=language, rights=rights or corpus.DEFAULT_RIGHTS, notes=notes)
    except corpus.CorpusError as error:
        _fail(str(error))
    typer.echo(f"added {document.path} as {document.doc_id}; run `extract build` to publish it")


@app.command("eval")
def eval_command(root: Path = ROOT,
                 format: Format = typer.Option(Format.table, "--format", "-f", help="table or json."),
                 war: bool = typer.Option(False, "--war", help="Score the war-figure gold of docs/war-gold/ instead, "
                                          "reading its sentences from the shared corpora."),
                 half: str = typer.Option("tuning", "--half", help="With --war or --conflict: tuning, report or all (of the rounds "
                                   "tuned on), or report-2 (the held-out round, scored once)."),
                 corpora: Path = typer.Option(war_gold.SHARED_CORPORA, "--corpora",
                                              help="With --war, --conflict or --transcripts: the folder of the shared corpora."),
                 errors: bool = typer.Option(False, "--errors", help="With --war, --conflict or --transcripts: list each miss and wrong label."),
                 attribution: bool = typer.Option(False, "--attribution",
                                                  help="Score who gives each figure against corpus/gold-attribution.csv."),
                 transcripts: bool = typer.Option(False, "--transcripts",
                                                  help="Score who speaks and who gives each figure against the transcript "
                                                       "gold of docs/transcript-gold/, reading its documents from the "
                                                       "shared corpora."),
                 before: bool = typer.Option(False, "--before", help="With --transcripts: score what the packages "
                                             "published before issue 25 (the gold's sample) instead."),
                 conflict: bool = typer.Option(False, "--conflict",
                                               help="Score war labels, conflict, place and period against the conflict "
                                                    "gold of docs/conflict-gold/, reading its documents from the shared "
                                                    "corpora."),
                 aid: bool = typer.Option(False, "--aid",
                                          help="Score the US aid announcements to Ukraine of docs/aid-gold/ (found once, "
                                               "not-new amounts counted as new, donor, recipient, kind, scope), reading "
                                               "the shared corpora; --half dev, report or all.")) -> None:
    """Score the extractors against the gold annotations in corpus/gold.csv:
    precision, recall and F1, strict (same span and value) and lenient (overlapping span,
    same value), overall and per dimension and category. With --war, score the war-figure
    gold: category recall, precision of war labels, measure, donor and recipient accuracy,
    with 95 % Wilson intervals.

    Example: extract eval --war --half tuning

    Example: extract eval --conflict --half tuning --errors

    Example: extract eval --attribution

    Example: extract eval --transcripts --errors

    Example: extract eval --aid --half dev
    """
    if transcripts:
        from .evaluation import transcript_gold

        try:
            scores = transcript_gold.score(corpora, before=before)
        except (transcript_gold.TranscriptGoldError, OSError) as error:
            _fail(str(error))
        typer.echo(json.dumps(scores.as_dict(), indent=2) if format is Format.json else scores.render(errors))
        return
    if aid:
        from .evaluation import aid_gold

        part = "dev" if half == "tuning" else half
        if part not in aid_gold.PARTS:
            _fail(f"--half: {half!r} is not dev, report or all")
        try:
            scores = aid_gold.score(corpora, part)
        except (aid_gold.AidGoldError, OSError) as error:
            _fail(str(error))
        typer.echo(json.dumps(scores.as_dict(), indent=2) if format is Format.json else scores.render(errors))
        return
    if conflict:
        from .evaluation import conflict_gold

        if half not in conflict_gold.HALVES:
            _fail(f"--half: {half!r} is not {', '.join(conflict_gold.HALVES[:-1])} or all")
        try:
            scores = conflict_gold.score(corpora, half)
        except (conflict_gold.ConflictGoldError, OSError) as error:
            _fail(str(error))
        typer.echo(json.dumps(scores.as_dict(), indent=2) if format is Format.json else scores.render(errors))
        return
    if not war:
        root = Package.at(root).needs_repository("eval scores the corpus/ beside the repository's dist/")
    if attribution:
        try:
            scores = evaluate.attribution(root)
        except (corpus.CorpusError, evaluate.GoldError) as error:
            _fail(str(error))
        if format is Format.json:
            typer.echo(json.dumps(scores, indent=2))
        else:
            typer.echo(f"attribution: precision {scores['precision']:.1%} {scores['precision_wilson95']} "
                       f"({scores['right']}/{scores['attributed']}), recall {scores['recall']:.1%} "
                       f"{scores['recall_wilson95']} ({scores['right']}/{scores['attributed_in_gold']}) "
                       f"on {scores['figures']} gold figures")
            for miss in scores["misses"]:
                typer.echo(f"  {miss['doc_id']} {miss['figure']!r}: gold {miss['gold']}, found {miss['found']}")
        return
    if war:
        if half not in war_gold.HALVES:
            _fail(f"--half: {half!r} is not {', '.join(war_gold.HALVES[:-1])} or all")
        try:
            scores = war_gold.score(corpora, half)
        except war_gold.WarGoldError as error:
            _fail(str(error))
        typer.echo(json.dumps(scores.as_dict(), indent=2) if format is Format.json else scores.render(errors))
        return
    try:
        scores = evaluate.evaluate(root)
    except (corpus.CorpusError, evaluate.GoldError) as error:
        _fail(str(error))
    if format is Format.json:
        typer.echo(json.dumps(scores.as_dict(), indent=2))
    elif format is Format.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["mode", "group", "precision", "recall", "f1", "true_positives", "predicted", "expected"])
        for mode, table in scores.as_dict().items():
            if mode in ("strict", "lenient"):
                for group, t in table.items():
                    writer.writerow([mode, group, t["precision"], t["recall"], t["f1"], t["true_positives"],
                                     t["predicted"], t["expected"]])
        typer.echo(buffer.getvalue(), nl=False)
    else:
        typer.echo(scores.render())
