"""The `outcome` entry of execute_bytelogic is the JSON of `bytelogic run --json`: the
package builds it from the Rust outcome directly (docs/decisions.md 170), so it is
compared here with that JSON as `serve` sends it to the subprocess client, for every
corpus row and for the fields most rows lack (wat_code, diagnostics_omitted, hints,
labels, runtime errors, the unsupported-program response)."""

import json

import pytest

import bytelogic

SPECIAL = [
    # Truth, values, tuples, a constant argument, floats, strings, integers.
    "REL p\nFACT p a 1\nFACT p b 2.5\nSOLVE\nQUERY p a ?\nQUERY p ? ?\nQUERY p b 2.5\n"
    "QUERY p c ?\nRESULT 0.1 + 0.2\nRESULT \"é\"\nRESULT -9223372036854775807 - 1\n",
    # A runtime error after an output.
    "RESULT 1\nRESULT 1 / 0\n",
    # Front-end errors with labels and hints, and a warning.
    "REL anc\nQUERY ancestor ?\n",
    "\\nREL a\nRESULT 1\n",
    # More errors than are kept: diagnostics_omitted.
    "".join("QUERY nope%d ?\n" % i for i in range(150)),
    "",
]


def comparable(r):
    """The outcome as JSON text (so that `True` and `1`, `3.0` and `3` differ, and keys
    keep their order), without what differs between two runs: the time and the tier
    that answered."""
    outcome = dict(r["outcome"])
    outcome.pop("backend", None)
    if "stats" in outcome:
        outcome["stats"] = {k: v for k, v in outcome["stats"].items() if k != "time_us"}
    return json.dumps(outcome, ensure_ascii=False)


@pytest.fixture(scope="module")
def client(bytelogic_bin):
    import bytelogic_client

    with bytelogic_client.ByteLogicExecutor(bytelogic_path=bytelogic_bin) as c:
        yield c


def programs(corpus):
    for name in ("conformance.jsonl", "runs.jsonl", "errors.jsonl"):
        for line in (corpus / name).read_text().splitlines():
            yield json.loads(line)["program"]
    yield from SPECIAL


def test_the_outcome_is_the_json_serve_sends(corpus, client):
    package = bytelogic.ByteLogicExecutor(backend="interpreter")
    differ = []
    for program in programs(corpus):
        a = package.execute_bytelogic(program)
        b = client.execute_bytelogic(program, backend="interpreter")
        if comparable(a) != comparable(b):
            differ.append(program[:60])
    assert differ == []


def test_the_outcome_with_wat_and_of_an_unsupported_program(client):
    package = bytelogic.ByteLogicExecutor()
    program = "REL e\nFACT e 1 2\nSOLVE\nQUERY e ? ?\nRESULT 6 * 7\n"
    a = package.execute_bytelogic(program, wat=True, backend="wasm")
    b = client.execute_bytelogic(program, wat=True, backend="wasm")
    assert a["outcome"]["wat_code"].startswith("(module")
    assert comparable(a) == comparable(b)
    body = "".join("LET $v%d = %d\n" % (i, i) for i in range(20001))
    big = "CALC big\n" + body + "RESULT $v7\nEND\nRESULT CALC big()\n"
    a = package.execute_bytelogic(big, backend="wasm")
    b = client.execute_bytelogic(big, backend="wasm")
    assert a["outcome"]["error"]["code"] == "unsupported" and comparable(a) == comparable(b)

