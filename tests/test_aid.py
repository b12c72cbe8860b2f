"""Aid an analyst can total (issue 24): the scope, donor and recipient rules' examples
(extractors/reading/about/aid.py), actors' ids, and the conversion to US dollars."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from extractors import extract
from extractors.reading import exchange
from extractors.reading.about import actors
from extractors.reading.about.aid import EXAMPLES

DAY = dt.date(2022, 6, 15)


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e.span} in {e.text[:50]}" for e in EXAMPLES])
def test_example(example):
    found = [q for q in extract(example.text, author=example.author, published=DAY) if q.text == example.span]
    assert len(found) == 1, [q.text for q in extract(example.text, author=example.author, published=DAY)]
    (q,) = found
    assert q.category == "aid"
    if example.scope is not None:
        assert (q.aid_scope, q.aid_scope_rule.split(".")[0]) == (example.scope, "aid_scope")
    for role in ("donor", "recipient"):
        expected = getattr(example, role)
        if expected != "unchecked":
            assert getattr(q, role) == expected, (role, q.aid_scope_rule)


def test_actors_are_one_name_with_an_id_and_the_words_as_written():
    (q,) = [q for q in extract("The United  States has pledged $20 million in military aid to Kyiv.", published=DAY) if q.category == "aid"]
    assert (q.donor, q.donor_id, q.donor_text) == ("United States", "US", "United States")
    assert (q.recipient, q.recipient_id, q.recipient_text) == ("Ukraine", "UA", "Kyiv")


def test_every_actor_of_the_gazetteer_has_one_id():
    names = {a.actor for a in actors.actors()}
    ids = {name: actors.actor_id(name) for name in names}
    assert all(ids.values()), [n for n, i in ids.items() if not i]
    assert len(set(ids.values())) == len(ids)


def test_money_in_another_currency_is_converted_at_the_rate_of_its_day():
    (q,) = [q for q in extract("Germany pledged €500 million in aid to Ukraine.", published=dt.date(2024, 5, 4))
            if q.text == "€500 million"]
    assert q.usd_rate_date == dt.date(2024, 5, 3)  # a Saturday: Friday's rate
    assert q.value_usd == pytest.approx(500e6 * 1.0744)
    (undated,) = [q for q in extract("Germany pledged €500 million in aid to Ukraine.") if q.text == "€500 million"]
    assert (undated.value_usd, undated.usd_rate_date) == (None, None)


def test_bounds_are_converted_at_the_same_rate():
    (q,) = [q for q in extract("over €2 billion in aid to Ukraine", published=dt.date(2024, 5, 3))]
    assert q.low_usd == pytest.approx(2e9 * 1.0744) and q.high_usd is None


def test_no_rate_is_older_than_a_week():
    assert exchange.rate_date("RUB", dt.date(2022, 3, 1)) is not None
    assert exchange.rate_date("RUB", dt.date(2022, 6, 1)) is None


def test_the_rates_load_from_the_package_without_network_in_under_a_second_of_cpu():
    """The build's processes each load the rates once: that must cost no network and no
    seconds. Measured in a fresh interpreter, in CPU time, with sockets refused."""
    code = ("import socket, time\n"
            "def refuse(*a, **k): raise OSError('no network')\n"
            "socket.socket.connect = refuse\n"
            "from extractors.reading import exchange\n"
            "import datetime\n"
            "start = time.process_time()\n"
            "assert exchange.in_usd(100.0, 'EUR', datetime.date(2024, 5, 3))[0] == 107.44\n"
            "print(time.process_time() - start)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert float(result.stdout) < 1.0


def test_eval_aid_names_the_missing_corpus_in_one_line(tmp_path):
    from typer.testing import CliRunner

    from extractors.cli import app

    result = CliRunner().invoke(app, ["eval", "--aid", "--half", "dev", "--corpora", str(tmp_path)])
    assert result.exit_code != 0
    assert "whitehouse-briefing-room.jsonl.gz: missing" in result.output
    bad = CliRunner().invoke(app, ["eval", "--aid", "--half", "sideways"])
    assert bad.exit_code != 0 and "'sideways' is not dev, report or all" in bad.output
