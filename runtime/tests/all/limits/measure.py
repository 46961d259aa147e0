"""Runs one command and reports how long it took and its peak resident memory.

Usage: measure.py SPEC, where SPEC is a JSON object {"argv": [...], "stdin": null |
{"file": PATH} | {"endless": TEXT}, "out": PATH, "err": PATH}. Prints one JSON
object {"ms", "rss_kb", "code"}: wall time from start to exit, the peak RSS of the
command (getrusage of this process's children: it has that one), and its exit code
(negative for a signal; null when it had to be killed after 120 s).
"""

import json
import resource
import subprocess
import sys
import threading
import time

ENDLESS_CAP = 32 << 20  # an endless input stops after this many bytes


def feed(pipe, text):
    chunk = ((text + "\n") * (65536 // (len(text) + 1) + 1)).encode()
    written = 0
    try:
        while written < ENDLESS_CAP:
            pipe.write(chunk)
            written += len(chunk)
    except (BrokenPipeError, OSError):
        pass
    finally:
        try:
            pipe.close()
        except OSError:
            pass


def main():
    spec = json.loads(sys.argv[1])
    stdin = spec.get("stdin") or {}
    with open(spec["out"], "wb") as out, open(spec["err"], "wb") as err:
        source = subprocess.DEVNULL
        if "file" in stdin:
            source = open(stdin["file"], "rb")
        elif "endless" in stdin:
            source = subprocess.PIPE
        start = time.monotonic()
        child = subprocess.Popen(spec["argv"], stdin=source, stdout=out, stderr=err)
        if "endless" in stdin:
            threading.Thread(target=feed, args=(child.stdin, stdin["endless"]), daemon=True).start()
        # A blocking wait returns when the child exits; `wait(timeout=...)` polls with
        # sleeps of up to 50 ms, which rounded every time past 63 ms up to the next poll.
        killed = threading.Event()

        def kill():
            killed.set()
            child.kill()

        timer = threading.Timer(120, kill)
        timer.start()
        code = child.wait()
        ms = (time.monotonic() - start) * 1000
        timer.cancel()
        if killed.is_set():
            code = None
    rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"ms": ms, "rss_kb": rss_kb, "code": code}))


main()
