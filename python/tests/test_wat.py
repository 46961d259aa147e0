"""execute_wat: the WAT executor ByteLogic replaces (WASMExecutor.execute_wat)."""

import pytest

import bytelogic

MUL = '(module (func (export "compute") (param f64 f64) (result f64) local.get 0 local.get 1 f64.mul))'


def test_compute_answers_with_the_computed_token():
    ex = bytelogic.WASMExecutor()
    assert ex.execute_wat(MUL, [17, 23]) == {
        "success": True, "result": 391.0, "error": None,
        "computed_token": "<computed>391</computed>"}
    assert ex.execute_wat(MUL, {"a": 1.5, "b": -2})["result"] == -3.0
    r = ex.execute_wat('(module (func (export "compute") (result i64) i64.const -9000000000))')
    assert r["result"] == -9000000000 and type(r["result"]) is int
    r = ex.execute_wat('(module (func (export "compute") (result i32) i32.const 7))', ())
    assert r["computed_token"] == "<computed>7</computed>"


def test_a_binary_module_runs():
    ex = bytelogic.ByteLogicExecutor()
    # (module (func (export "compute") (result f64) f64.const 2.5))
    wasm = bytes.fromhex("0061736d01000000" "0105016000017c" "03020100"
                         "070b0107636f6d707574650000" "0a0d010b0044000000000000" "04400b")
    assert ex.execute_wat(wasm)["result"] == 2.5


@pytest.mark.parametrize("module,args,code", [
    ("(module (func", [], "invalid_module"),
    ('(module (import "env" "f" (func)) (func (export "compute") (result f64) f64.const 1))', [],
     "import"),
    ('(module (func (export "run") (result f64) f64.const 1))', [], "no_compute"),
    ('(module (func (export "compute") (param i32) (result f64) f64.const 1))', [1], "signature"),
    (MUL, [1], "arguments"),
    ('(module (func (export "compute") (result f64) unreachable))', [], "trap"),
    ('(module (func $f (export "compute") (result f64) call $f))', [], "trap"),
    ('(module (func (export "compute") (result f64) (loop br 0) f64.const 0))', [], "E404"),
    ('(module (memory 20000) (func (export "compute") (result f64) f64.const 0))', [], "E405"),
])
def test_failing_modules_are_results(module, args, code):
    ex = bytelogic.ByteLogicExecutor(timeout=0.1)
    r = ex.execute_wat(module, args)
    assert r["success"] is False and r["result"] is None
    assert r["error"].startswith(code + ": "), r["error"]
    assert r["computed_token"] == "<error>" + r["error"] + "</error>"


def test_limits_of_a_call():
    ex = bytelogic.ByteLogicExecutor()
    big = '(module (memory 32) (func (export "compute") (result f64) f64.const 0))'
    assert ex.execute_wat(big)["success"]
    assert ex.execute_wat(big, limits={"max_memory_mb": 1})["error"].startswith("E405: ")


@pytest.mark.parametrize("inputs", [[True], ["1"], [[1]], 5, "12"])
def test_bad_inputs_raise_usage_error(inputs):
    with pytest.raises(bytelogic.UsageError):
        bytelogic.ByteLogicExecutor().execute_wat(MUL, inputs)


def test_wat_code_must_be_text_or_bytes():
    with pytest.raises(bytelogic.UsageError):
        bytelogic.ByteLogicExecutor().execute_wat(42)
