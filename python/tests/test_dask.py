"""examples/python/dask_validate.py on a LocalCluster of 2 workers: the summary equals
the one `bytelogic validate` prints for the same file (but for the time)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, need

DATA = Path(__file__).parent / "data" / "mixed.jsonl"


def without_time(text):
    return re.sub(r" rows in [0-9.]+ s:", " rows in T s:", text, count=1)


@pytest.fixture(scope="module")
def distributed():
    try:
        import dask.distributed
    except ImportError:
        dask = None
    return need(dask and dask.distributed, "dask[distributed] is not installed")


@pytest.fixture(scope="module")
def client(distributed):
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            yield client


def cli(bytelogic_bin, path):
    return subprocess.run([bytelogic_bin, "validate", str(path)], capture_output=True, text=True)


def test_the_script_prints_the_clis_summary(bytelogic_bin, distributed):
    script = subprocess.run([sys.executable, str(EXAMPLES / "dask_validate.py"), str(DATA),
                             "--workers", "2", "--shards", "3"],
                            capture_output=True, text=True, timeout=300)
    expected = cli(bytelogic_bin, DATA)
    assert (script.returncode, expected.returncode) == (1, 1), script.stderr
    assert without_time(script.stdout) == without_time(expected.stdout)
    assert "failing rows:" in script.stdout


def test_the_corpus_on_the_cluster(bytelogic_bin, client, corpus):
    import dask_validate
    import bytelogic

    path = corpus / "conformance.jsonl"
    expected = without_time(cli(bytelogic_bin, path).stdout)
    for shards in (2, 7):
        summary = dask_validate.validate(client, path.read_bytes(), bytelogic.ByteLogicExecutor(),
                                         shard_count=shards)
        assert summary.rows == 1040
        assert without_time(summary.text()) == expected


def test_shards_cover_every_line_once():
    import dask_validate

    data = b"a\nb\n\nc\nd"
    for count in (1, 2, 3, 5, 9):
        parts = dask_validate.shards(data, count)
        assert len(parts) <= count
        rebuilt = []
        for first, part in parts:
            assert first == len(rebuilt) + 1
            rebuilt.extend(part.split(b"\n"))
        assert b"\n".join(rebuilt) == data
