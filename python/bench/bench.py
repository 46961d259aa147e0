"""The Python package's four benchmark rows (issue 13), as ratios taken in one run.

    python python/bench/bench.py [--rounds N] [--programs N]

Needs the package installed (`pip install ./python`), the conformance corpus
($BYTELOGIC_CORPUS or ../shared/corpus) and, for the subprocess client, a release
`bytelogic` binary ($BYTELOGIC_BIN, else target/release/bytelogic).

1. N distinct corpus programs through `execute_bytelogic`, one thread, against the same
   programs through the Rust `Executor` in this process (`_native._bench_rust_executor`:
   the same build, the GIL released, no Python objects made), A and B alternating.
2. The same programs through the package against the subprocess client
   (examples/python/bytelogic_client.py, one `bytelogic serve`).
3. 4 threads of N/2 programs each against one thread running all 4 x N/2, sharing one
   executor: throughput ratio; then the CPU time (all threads) and the context switches
   a program costs on 1 and on 4 threads, which show what handing the GIL between
   threads costs whether or not the machine has a core free; then the throughput ratio
   for programs of about 1 ms (a CALC loop on the interpreter), where a call's Python
   part is small beside its run.
4. `import bytelogic` in a fresh interpreter.

Each row is timed "cold" (sources the module cache has not seen: every pass appends a
comment of its own, which changes the cache key, so each program is compiled or
interpreted from scratch as a first request is) and "cached" (the same sources again).
The machine may be shared with other builds: each ratio is taken per round, A and B
back to back, and the median and range of the rounds are printed.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import bytelogic
from bytelogic import _native

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "examples" / "python"))


def corpus_programs(count):
    folder = Path(os.environ.get("BYTELOGIC_CORPUS") or REPO.parent / "shared" / "corpus")
    programs, seen = [], set()
    for name in ("conformance.jsonl", "runs.jsonl"):
        for line in (folder / name).read_text().splitlines():
            program = json.loads(line)["program"]
            if program not in seen:
                seen.add(program)
                programs.append(program)
    if len(programs) < count:
        sys.exit("the corpus has %d distinct programs, fewer than %d" % (len(programs), count))
    return programs[:count]


class Fresh:
    """Suffixes that make sources the module cache has not seen."""

    def __init__(self):
        self.n = 0

    def __call__(self, programs):
        self.n += 1
        return [p + "\n; pass %d" % self.n for p in programs]


def timed(run, programs, clock=time.perf_counter):
    start = clock()
    run(programs)
    return clock() - start


def package_pass(bl):
    def run(programs):
        for p in programs:
            bl.execute_bytelogic(p)
    return run


def rust_pass(programs):
    return _native._bench_rust_executor(programs, "auto")


def ratios(a, b, programs, rounds, fresh, clock=time.perf_counter, cached_too=True):
    """Per round, (A seconds, B seconds) on sources not seen before ("cold"), then on
    sources both have run twice ("cached": the module cache holds 1024 programs and
    starts over when full, so a second warm-up pass refills what a first one lost).
    The side that goes first alternates between rounds."""
    cold, cached = [], []
    for r in range(rounds):
        order = (0, 1) if r % 2 == 0 else (1, 0)
        t, c = [0.0, 0.0], [0.0, 0.0]
        for i in order:
            t[i] = timed((a, b)[i], fresh(programs), clock)
        cold.append(tuple(t))
        if not cached_too:
            continue
        sources = fresh(programs)
        for i in order:
            for _ in range(2):
                (a, b)[i](sources)
        for i in order:
            c[i] = timed((a, b)[i], sources, clock)
        cached.append(tuple(c))
    return cold, cached


def report(name, pairs, n, label_a, label_b):
    values = [a / b for a, b in pairs]
    per_a = statistics.median(a for a, _ in pairs) / n * 1e6
    per_b = statistics.median(b for _, b in pairs) / n * 1e6
    print("%-52s %s %.1f us, %s %.1f us per program; ratio median %.2f (%.2f-%.2f, %d rounds)"
          % (name, label_a, per_a, label_b, per_b, statistics.median(values), min(values),
             max(values), len(values)))


def threads(bl, programs):
    """Runs `programs` (4 x 300) on one thread, and as 4 threads of 300."""
    quarter = len(programs) // 4

    def four(sources):
        parts = [sources[i * quarter:(i + 1) * quarter] for i in range(4)]
        workers = [threading.Thread(target=package_pass(bl), args=(part,)) for part in parts]
        for w in workers:
            w.start()
        for w in workers:
            w.join()

    return package_pass(bl), four


def switches():
    """Context switches of this process so far (all its threads)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_nvcsw + usage.ru_nivcsw


def report_costs(name, cpu, switched, n):
    """CPU time and context switches per program, 1 thread against 4."""
    cpu1, cpu4 = (statistics.median(p[i] for p in cpu) / n * 1e6 for i in (0, 1))
    sw1, sw4 = (statistics.median(p[i] for p in switched) / n for i in (0, 1))
    print("%-52s CPU 1 thread %.1f us, 4 threads %.1f us per program; context switches "
          "%.2f, %.2f per program" % (name, cpu1, cpu4, sw1, sw4))


def spin_programs(count, target_s=0.001):
    """`count` distinct CALC loops that each take about `target_s` on the interpreter."""
    bl = bytelogic.ByteLogicExecutor(backend="interpreter")
    loop = "CALC s\nLET $i = 0\nFOR WHILE $i < %d\nLET $i = $i + 1\nEND\nRESULT $i\nEND\nRESULT CALC s()\n; %d"
    start = time.perf_counter()
    for i in range(20):
        bl.execute_bytelogic(loop % (10000, -i))
    n = max(1, int(10000 * target_s / ((time.perf_counter() - start) / 20)))
    return bl, [loop % (n, i) for i in range(count)]


def import_times(runs=15):
    code = "import time; t = time.perf_counter(); import bytelogic; print(time.perf_counter() - t)"
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                  check=True).stdout) for _ in range(runs)]
    return statistics.median(times) * 1000, min(times) * 1000, max(times) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--programs", type=int, default=600)
    args = parser.parse_args()
    programs = corpus_programs(max(args.programs, 1200))
    base = programs[:args.programs]
    fresh = Fresh()
    bl = bytelogic.ByteLogicExecutor()
    print("load average at start: %.2f %.2f %.2f; cpus %d" % (*os.getloadavg(), os.cpu_count()))

    cold, cached = ratios(package_pass(bl), rust_pass, base, args.rounds, fresh)
    report("1. package / Rust Executor, cold, wall", cold, len(base), "package", "rust")
    report("1. package / Rust Executor, cached, wall", cached, len(base), "package", "rust")
    # CPU time of this process: less disturbed by other processes taking the cores.
    cold, cached = ratios(package_pass(bl), rust_pass, base, args.rounds, fresh, time.process_time)
    report("1. package / Rust Executor, cold, CPU", cold, len(base), "package", "rust")
    report("1. package / Rust Executor, cached, CPU", cached, len(base), "package", "rust")

    binary = os.environ.get("BYTELOGIC_BIN") or str(REPO / "target" / "release" / "bytelogic")
    if Path(binary).is_file():
        import bytelogic_client

        with bytelogic_client.ByteLogicExecutor(bytelogic_path=binary) as client:
            cold, cached = ratios(package_pass(client), package_pass(bl), base, args.rounds, fresh)
        report("2. subprocess client / package (speed-up), cold", cold, len(base), "client", "package")
        report("2. subprocess client / package (speed-up), cached", cached, len(base), "client",
               "package")
    else:
        print("2. skipped: no release binary at %s (set BYTELOGIC_BIN)" % binary)

    # Cold: 1200 distinct programs; cached: 300 programs that every thread runs (1200
    # sources would not fit the module cache, which holds 1024).
    one, four = threads(bl, programs[:1200])
    cold, _ = ratios(one, four, programs[:1200], args.rounds, fresh, cached_too=False)
    report("3. throughput 4 threads / 1 thread, cold", cold, 1200, "1 thread", "4 threads")
    one, four = threads(bl, programs[:300] * 4)
    _, cached = ratios(one, four, programs[:300] * 4, args.rounds, fresh)
    report("3. throughput 4 threads / 1 thread, cached", cached, 1200, "1 thread", "4 threads")
    one, four = threads(bl, programs[:1200])
    cpu, _ = ratios(one, four, programs[:1200], args.rounds, fresh, time.process_time, False)
    switched, _ = ratios(one, four, programs[:1200], args.rounds, fresh, switches, False)
    report_costs("3. cost of a program, cold", cpu, switched, 1200)
    spin, loops = spin_programs(200)
    one, four = threads(spin, loops)
    cold, _ = ratios(one, four, loops, args.rounds, fresh, cached_too=False)
    report("3. throughput 4 threads / 1 thread, ~1 ms programs", cold, len(loops), "1 thread",
           "4 threads")

    median, low, high = import_times()
    print("%-58s median %.1f ms (range %.1f-%.1f, 15 runs)" % ("4. import bytelogic", median, low, high))
    print("load average at end: %.2f %.2f %.2f" % os.getloadavg())


if __name__ == "__main__":
    main()
