"""Shared fixtures of the `bytelogic` package's tests.

Run from a checkout after `pip install ./python`:  python -m pytest python/tests

- The conformance corpus is $BYTELOGIC_CORPUS, else ../shared/corpus beside the
  checkout; the `bytelogic` binary (for the subprocess client and the comparisons with
  the CLI) is $BYTELOGIC_BIN, else target/debug/bytelogic or target/release/bytelogic in
  the checkout, else `bytelogic` on PATH. Tests that need one of them skip with the
  reason when it is absent, and fail instead when CI is set.
"""

import os
import shutil
import sys
from pathlib import Path

import pytest

import bytelogic

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "python"
sys.path.insert(0, str(EXAMPLES))


def need(what, reason):
    """`what` when it is there; else skip (or fail under CI) with `reason`."""
    if what is None:
        if os.environ.get("CI"):
            pytest.fail(reason + " (required when CI is set)")
        pytest.skip(reason)
    return what


def corpus_dir():
    path = Path(os.environ.get("BYTELOGIC_CORPUS") or REPO.parent / "shared" / "corpus")
    return path if (path / "conformance.jsonl").is_file() else None


def binary():
    for candidate in (os.environ.get("BYTELOGIC_BIN"),
                      REPO / "target" / "debug" / "bytelogic",
                      REPO / "target" / "release" / "bytelogic",
                      shutil.which("bytelogic")):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    return None


@pytest.fixture(scope="session")
def corpus():
    """The corpus folder."""
    return need(corpus_dir(), "the conformance corpus is absent (set BYTELOGIC_CORPUS)")


@pytest.fixture(scope="session")
def bytelogic_bin():
    """The path of the `bytelogic` binary."""
    return need(binary(), "no bytelogic binary (build it with cargo or set BYTELOGIC_BIN)")


@pytest.fixture(scope="session")
def bl():
    """The package's executor with default settings."""
    return bytelogic.ByteLogicExecutor()


@pytest.fixture(params=["package", "client"])
def executor_class(request):
    """The package's ByteLogicExecutor, then the subprocess client's (same API names)."""
    if request.param == "package":
        yield bytelogic.ByteLogicExecutor
        return
    os.environ["BYTELOGIC_BIN"] = need(binary(), "no bytelogic binary for the subprocess client")
    import bytelogic_client

    made = []

    def make(*args, **kwargs):
        made.append(bytelogic_client.ByteLogicExecutor(*args, **kwargs))
        return made[-1]

    yield make
    for client in made:
        client.close()
