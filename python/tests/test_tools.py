"""check, lex, vocab, validate and Summary."""

import json
import pickle
import re
import subprocess
from pathlib import Path

import pytest

import bytelogic

DATA = Path(__file__).parent / "data" / "mixed.jsonl"


def test_check_returns_diagnostics():
    found = bytelogic.check("REL parent\nSOLVE\nQUERY parnt ?\n\\nRESULT 1\n")
    assert [(d.code, d.severity) for d in found] == [("E301", "error"), ("W001", "warning")]
    d = found[0]
    assert (d.line, d.column, d.end_column) == (3, 7, 12)
    assert d.message == "relation `parnt` is not declared"
    assert d.label == "did you mean `parent`?" and d.hint == "if `parnt` is a new relation, add `REL parnt`"
    assert d.to_dict() == {"code": "E301", "severity": "error", "message": d.message,
                           "line": 3, "column": 7, "end_column": 12, "label": d.label,
                           "hint": d.hint}
    assert str(d) == "error[E301] 3:7: relation `parnt` is not declared"
    assert pickle.loads(pickle.dumps(d)) == d
    assert bytelogic.check("RESULT 1") == []


def test_lex_and_vocab():
    tokens = bytelogic.lex("REL a ; hi\n$x")
    assert tokens[0] == {"kind": "word", "text": "REL", "line": 1, "column": 1}
    assert "".join(t["text"] for t in tokens) == "REL a ; hi\n$x"
    assert tokens[-1]["kind"] == "variable"
    v = bytelogic.vocab()
    assert set(v) == {"keywords", "operators", "word_operators", "builtins", "aggregates", "special_tokens"}
    assert v["special_tokens"][0] == "<computation>" and "CHAR_AT" in v["builtins"]
    assert v["aggregates"] == ["COUNT", "SUM", "MIN", "MAX", "MEAN"]


def test_validate_counts_rows(bl):
    s = bl.validate(DATA)
    assert (s.rows, s.passed, s.wrong, s.errors) == (6, 2, 1, 3)
    assert s.by_code == {"E201": 1, "E301": 1, "bad_row": 1}
    assert s.by_category == {"arith": (3, 2), "logic": (2, 1), "(none)": (1, 1)}
    statuses = [(r.line, r.id, r.status, r.code) for r in s.reports]
    assert statuses == [(1, "a", "pass", None), (2, "b", "wrong", None),
                        (3, "c", "error", "E201"), (5, "d", "pass", None),
                        (6, "e", "error", "E301"), (7, "line 7", "error", "bad_row")]
    assert s.reports[1].to_dict()["status"] == "wrong"
    assert s.text().startswith("6 rows in ")
    assert pickle.loads(pickle.dumps(s)) == s
    with pytest.raises(bytelogic.UsageError):
        bl.validate(DATA.parent / "missing.jsonl")


def test_shards_merge_into_the_same_summary(bl):
    lines = DATA.read_text().splitlines(keepends=True)
    whole = bl.validate(DATA)
    parts = [bl.validate_data("".join(lines[:3]), first_line=1),
             bl.validate_data("".join(lines[3:]).encode(), first_line=4)]
    merged = bytelogic.Summary.merge(parts, elapsed=whole.elapsed)
    assert merged == whole
    assert merged.text() == whole.text()
    assert bytelogic.Summary(whole.reports) == whole
    with pytest.raises(bytelogic.UsageError):
        bl.validate_data("", first_line=0)


def test_row_reports_are_checked_and_pickle():
    r = bytelogic.RowReport(3, "x", "cat", "error", "E201", "division by zero")
    assert (r.line, r.id, r.category, r.status, r.code, r.message) == (
        3, "x", "cat", "error", "E201", "division by zero")
    assert pickle.loads(pickle.dumps(r)) == r
    with pytest.raises(bytelogic.UsageError):
        bytelogic.RowReport(1, "x", "cat", "pass", "E201", "no")
    with pytest.raises(bytelogic.UsageError):
        bytelogic.RowReport(1, "x", "cat", "maybe")


def without_time(text):
    return re.sub(r" rows in [0-9.]+ s:", " rows in T s:", text, count=1)


def test_summary_text_is_the_clis(bl, bytelogic_bin):
    cli = subprocess.run([bytelogic_bin, "validate", str(DATA)], capture_output=True, text=True)
    assert cli.returncode == 1
    assert without_time(bl.validate(DATA).text()) == without_time(cli.stdout)


def test_the_corpus_validates_on_both_backends(corpus):
    for backend in ("wasm", "interpreter"):
        s = bytelogic.ByteLogicExecutor(backend=backend).validate(corpus / "conformance.jsonl")
        failing = [(r.id, r.message) for r in s.reports if r.status != "pass"]
        assert s.rows == 1040 and failing == [], (backend, failing[:5])


def test_corpus_rows_run_alike_on_both_backends(corpus):
    """Every row of conformance.jsonl and runs.jsonl through execute_bytelogic: it runs
    without error, and both backends give the same outcome (but for the backend and
    the time) and the same typed query_results."""
    wasm = bytelogic.ByteLogicExecutor(backend="wasm")
    interp = bytelogic.ByteLogicExecutor(backend="interpreter")
    differ = []
    for name in ("conformance.jsonl", "runs.jsonl"):
        for line in (corpus / name).read_text().splitlines():
            row = json.loads(line)
            a = wasm.execute_bytelogic(row["program"])
            b = interp.execute_bytelogic(row["program"])
            for r in (a, b):
                del r["execution_time_ms"]
                del r["outcome"]["stats"]["time_us"]
                r["outcome"].pop("backend")
            if not (a["success"] and a == b):
                differ.append(row["id"])
    assert differ == []


def test_error_rows_report_their_codes(corpus):
    """Every code a row of errors.jsonl expects is among its diagnostics (some are
    warnings, with which the program still succeeds)."""
    missing = []
    for line in (corpus / "errors.jsonl").read_text().splitlines():
        row = json.loads(line)
        r = bytelogic.ByteLogicExecutor().execute_bytelogic(row["program"])
        codes = {d["code"] for d in r["outcome"]["diagnostics"]}
        if not set(row["expected_codes"]) <= codes:
            missing.append((row["id"], row["expected_codes"], sorted(codes)))
    assert missing == []
