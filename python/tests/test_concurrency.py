"""Threads, pickling and other processes: the executor is shared between threads with
the GIL released while a program runs, pickles as its settings, and works in
processes started by multiprocessing (fork and spawn)."""

import multiprocessing
import pickle
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import bytelogic

SLOW = ("CALC s\nLET $i = 0\nFOR WHILE $i < {}\nLET $i = $i + 1\nEND\nRESULT $i\nEND\n"
        "RESULT CALC s()\n")
FOREVER = ("CALC s\nLET $i = 0\nFOR WHILE 1 == 1\nLET $i = $i + 1\nEND\nRESULT $i\nEND\n"
           "RESULT CALC s()\n")


def test_threads_share_one_executor(bl):
    def run(i):
        program = "REL e\nFACT e %d %d\nSOLVE\nQUERY e ? ?\nRESULT %d * 3\n" % (i, i + 1, i)
        return bl.execute_bytelogic(program)["query_results"]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(run, range(400)))
    assert results == [[(i, i + 1), i * 3] for i in range(400)]


@pytest.mark.parametrize("backend,loops", [("wasm", 20_000_000), ("interpreter", 2_000_000)])
def test_the_gil_is_released_while_a_program_runs(backend, loops):
    """While another thread runs a long program, this thread keeps running Python: the
    longest pause between two of its steps is far shorter than the program's run."""
    ex = bytelogic.ByteLogicExecutor(backend=backend, limits={"max_steps": 10**12, "timeout_ms": 60000})
    done = {}

    def run():
        start = time.perf_counter()
        done["result"] = ex.execute_bytelogic(SLOW.format(loops))
        done["seconds"] = time.perf_counter() - start

    worker = threading.Thread(target=run)
    worker.start()
    longest, last = 0.0, time.perf_counter()
    while worker.is_alive():
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    worker.join()
    assert done["result"]["success"], done["result"]["error"]
    assert done["seconds"] > 0.05, "the program must run long enough to tell"
    assert longest < done["seconds"] / 2, (longest, done["seconds"])


def test_the_executor_pickles_as_its_settings():
    ex = bytelogic.ByteLogicExecutor(backend="interpreter", limits={"max_steps": 77}, timeout=3)
    copy = pickle.loads(pickle.dumps(ex))
    assert (copy.backend, copy.limits, copy.cache_enabled) == (ex.backend, ex.limits, True)
    assert copy.limits["timeout_ms"] == 3000 and copy.limits["max_steps"] == 77
    r = copy.execute_bytelogic(SLOW.format(1000))
    assert r["error"].startswith("E401: ") and r["outcome"]["backend"] == "interpreter"


def run_in_child(executor, program):
    return executor.execute_bytelogic(program)["computation_token"]


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_executors_work_in_other_processes(method):
    ex = bytelogic.ByteLogicExecutor(limits={"max_steps": 10**12}, timeout=0.2)
    assert ex.execute_bytelogic("RESULT 1")["success"], "the parent's engine has started"
    context = multiprocessing.get_context(method)
    with context.Pool(2) as pool:
        tokens = pool.starmap(run_in_child, [(ex, "RESULT 6 * 7"), (ex, FOREVER)])
    # In a forked child the time limit still fires: it has its own engine and ticker.
    assert tokens == ["<result>42</result>", "<error>E404: time limit of 200 ms exceeded</error>"]
