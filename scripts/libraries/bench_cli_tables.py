"""4. CLI tables: extractors.cli._print_table (hand-written) vs rich.table.Table, same rows."""
import contextlib, io, time
import duckdb
from rich.console import Console
from rich.table import Table
from rich import box
from extractors.cli import _print_table
from extractors.dataset.records import cell

con = duckdb.connect(":memory:")
con.execute("CREATE VIEW quantities AS SELECT * FROM read_parquet('" + str(__import__('pathlib').Path(__file__).resolve().parents[2] / 'dist' / 'quantities.parquet') + "')")
small = con.execute("SELECT category, measure, count(*) AS figures FROM quantities GROUP BY ALL ORDER BY 1, 2 LIMIT 4")
cols = [d[0] for d in small.description]; rows = small.fetchall()
tricky_cols = ["text", "value", "sentence"]
tricky = [("[Sen. Joni Ernst]", 100.0, "markup [bold]x[/bold] and :thumbs_up: and a\nnewline"),
          ("中文 5 km", None, "wide characters"), ("12,000 people", 12000.0, "x" * 120)]


def ours(c, r):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        _print_table(c, r)
    return buf.getvalue()


def rich_table(c, r, width=None, markup=True):
    console = Console(file=io.StringIO(), width=width, color_system=None)  # a pipe: no colour
    t = Table(*c, box=box.SIMPLE_HEAD, show_edge=False)
    for row in r:
        t.add_row(*[cell(v) for v in row]) if markup else t.add_row(*[__import__("rich.text").text.Text(cell(v)) for v in row])
    console.print(t)
    console.print(f"({len(r)} rows)")
    return console.file.getvalue()


print("### ours, small\n" + ours(cols, rows))
print("### rich, small (pipe, default width)\n" + rich_table(cols, rows))
print("### ours, tricky\n" + ours(tricky_cols, tricky))
print("### rich, tricky, width 80 (what a pipe gets)\n" + rich_table(tricky_cols, tricky, 80))
print("### rich, tricky, width 200\n" + rich_table(tricky_cols, tricky, 200))
print("### rich, tricky, cells as Text (no markup), width 80\n" + rich_table(tricky_cols, tricky, 80, markup=False))

big = con.execute("SELECT quantity_id, text, value, category, sentence FROM quantities LIMIT 1000")
bc = [d[0] for d in big.description]; br = big.fetchall()
for name, f in (("ours", lambda: ours(bc, br)), ("rich width 200", lambda: rich_table(bc, br, 200))):
    best = min((lambda s: (f(), time.perf_counter() - s)[1])(time.perf_counter()) for _ in range(3))
    print(f"{name}: 1,000 rows x 5 columns in {best * 1000:.0f} ms")
