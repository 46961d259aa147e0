"""A client for `bytelogic serve`, using only the Python standard library.

The `bytelogic` package (`pip install ./python`) runs programs in the calling process
and is many times faster; this client is for environments that cannot build or install
that package but have the `bytelogic` binary, and for running programs in a separate
process. It has the package's names and dict keys (docs/python.md, docs/decisions.md 168):

    from bytelogic_client import ByteLogicExecutor

    with ByteLogicExecutor() as bl:              # starts `bytelogic serve`
        r = bl.execute_bytelogic("RESULT 6 * 7")
        r["computation_token"]                   # '<result>42</result>'
        bl.process_text("x = <computation>RESULT 2 + 2</computation>")
                                                 # 'x = <result>4</result>'

The binary is the `bytelogic_path` argument, else $BYTELOGIC_BIN, else `bytelogic` on
PATH. One server process serves every call; calls are serialised with a lock.
"""

import itertools
import json
import os
import subprocess
import threading
import time

__all__ = ["ByteLogicExecutor", "ByteLogicError", "UsageError"]


class ByteLogicError(Exception):
    """The server could not be reached or answered out of turn."""


class UsageError(ValueError):
    """A bad argument (the server answered `bad_request`). A program that fails is not
    an exception: its result says so."""


class ByteLogicExecutor:
    """Runs ByteLogic programs through one long-lived `bytelogic serve` process."""

    def __init__(self, backend="auto", limits=None, timeout=None, bytelogic_path=None):
        """Starts the server. `limits` (e.g. {"max_steps": 10000, "timeout_ms": 500}) and
        `timeout` (seconds) apply to every call; a call's own `limits` replace the
        entries they name."""
        self.binary = bytelogic_path or os.environ.get("BYTELOGIC_BIN") or "bytelogic"
        self.backend = backend
        self.limits = dict(limits or {})
        if timeout is not None:
            if "timeout_ms" in self.limits:
                raise UsageError("give the time limit once: timeout (seconds) or limits['timeout_ms']")
            self.limits["timeout_ms"] = round(timeout * 1000)
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._process = subprocess.Popen(
            [self.binary, "serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def execute_bytelogic(self, bl_code, inputs=None, wat=False, *, limits=None, backend=None):
        """Runs `bl_code` and returns the dict of the package's execute_bytelogic:
        success, result, query_results (tuples as tuple, truth answers as bool),
        computation_token, wat_code, error (None or "CODE: message"),
        execution_time_ms (the round trip), calculation_result (the last RESULT's value
        or None) and outcome (the server's response)."""
        request = {"code": bl_code, "backend": backend or self.backend}
        if inputs is not None:
            request["inputs"] = inputs
        if wat:
            request["wat"] = True
        start = time.perf_counter()
        response = self._request(request, limits)
        elapsed_ms = (time.perf_counter() - start) * 1000.0
        response.pop("id", None)
        error = response.get("error")
        error_text = None if error is None else "%s: %s" % (error["code"], error["message"])
        outputs = response.get("outputs", [])
        results = [o["value"] for o in outputs if o["kind"] == "result"]
        return {
            "success": error is None,
            "result": response.get("result", ""),
            "query_results": [item for o in outputs for item in _flat(o)],
            "computation_token": response.get("computation_token", "<error>%s</error>" % error_text),
            "wat_code": response.get("wat_code"),
            "error": error_text,
            "execution_time_ms": elapsed_ms,
            "calculation_result": results[-1] if results else None,
            "outcome": response,
        }

    def process_text(self, text, keep=False, *, limits=None, backend=None):
        """Returns `text` with each <computation>...</computation> block replaced by its
        <result>...</result> or <error>...</error> (kept before it when `keep`)."""
        request = {"kind": "tokens", "text": text, "keep": bool(keep),
                   "backend": backend or self.backend}
        return self._request(request, limits)["text"]

    def close(self):
        """Stops the server: closes its input and waits for it to exit."""
        if self._process.poll() is None:
            self._process.stdin.close()
            self._process.wait(timeout=10)
        self._process.stdout.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _request(self, request, limits):
        if request.get("backend") == "interp":
            request["backend"] = "interpreter"
        merged = dict(self.limits)
        if limits is not None:
            if not isinstance(limits, dict):
                raise UsageError("limits must be a dict such as {'max_steps': 1000}, not %r" % (limits,))
            merged.update(limits)
        if merged:
            request["limits"] = merged
        with self._lock:
            request["id"] = next(self._ids)
            try:
                self._process.stdin.write(json.dumps(request) + "\n")
                self._process.stdin.flush()
                line = self._process.stdout.readline()
            except (BrokenPipeError, ValueError) as e:
                raise ByteLogicError("the server is not running: %s" % e) from e
        if not line:
            raise ByteLogicError("the server exited (code %s)" % self._process.poll())
        response = json.loads(line)
        if response.get("id") != request["id"]:
            raise ByteLogicError("response %r does not answer request %r" % (response.get("id"), request["id"]))
        error = response.get("error") or {}
        if error.get("code") == "bad_request":
            raise UsageError(error.get("message"))
        return response


def _flat(output):
    """The items an output contributes to query_results, in the package's types."""
    value = output["value"]
    if output["kind"] == "result" or isinstance(value, bool):
        return [value]
    return [tuple(item) if isinstance(item, list) else item for item in value]
