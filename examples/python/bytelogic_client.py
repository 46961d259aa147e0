"""A client for `bytelogic serve`, using only the Python standard library.

    from bytelogic_client import ByteLogicExecutor

    with ByteLogicExecutor() as bl:              # starts `bytelogic serve`
        r = bl.execute_bytelogic("RESULT 6 * 7")
        r["computation_token"]                   # '<result>42</result>'
        bl.process_text("x = <computation>RESULT 2 + 2</computation>")
                                                 # 'x = <result>4</result>'

The binary is the `binary` argument, else $BYTELOGIC_BIN, else `bytelogic` on PATH.
One server process serves every call; calls are serialised with a lock.
"""

import itertools
import json
import os
import subprocess
import threading
import time

__all__ = ["ByteLogicExecutor", "ByteLogicError"]


class ByteLogicError(Exception):
    """The server could not be reached, or refused a `process_text` request."""


class ByteLogicExecutor:
    """Runs ByteLogic programs through one long-lived `bytelogic serve` process."""

    def __init__(self, binary=None, limits=None):
        """Starts the server. `limits` (e.g. {"max_steps": 10000, "timeout_ms": 500})
        applies to every call that does not give its own."""
        self.binary = binary or os.environ.get("BYTELOGIC_BIN") or "bytelogic"
        self.limits = limits
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._process = subprocess.Popen(
            [self.binary, "serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def execute_bytelogic(self, code, inputs=None, limits=None, backend=None, wat=False):
        """Runs `code` and returns a dict with the keys ByteLogic pipelines use:
        success, result, query_results, computation_token, wat_code, error (None or
        "CODE: message"), plus execution_time_ms (the round trip) and outcome (the
        server's whole response)."""
        request = {"code": code}
        if inputs is not None:
            request["inputs"] = inputs
        if backend is not None:
            request["backend"] = backend
        if wat:
            request["wat"] = True
        start = time.perf_counter()
        response = self._request(request, limits)
        elapsed_ms = (time.perf_counter() - start) * 1000.0
        error = response.get("error")
        error_text = None if error is None else "%s: %s" % (error["code"], error["message"])
        token = response.get("computation_token")
        if token is None:
            token = "<error>%s</error>" % error_text
        return {
            "success": bool(response.get("success")),
            "result": response.get("result", ""),
            "query_results": response.get("query_results", []),
            "computation_token": token,
            "wat_code": response.get("wat_code"),
            "error": error_text,
            "execution_time_ms": elapsed_ms,
            "outcome": response,
        }

    def process_text(self, text, keep=False, limits=None):
        """Returns `text` with each <computation>…</computation> block replaced by its
        <result>…</result> or <error>…</error> (kept before it when `keep`)."""
        request = {"kind": "tokens", "text": text, "keep": bool(keep)}
        response = self._request(request, limits)
        if not response.get("success"):
            error = response.get("error") or {}
            raise ByteLogicError("%s: %s" % (error.get("code"), error.get("message")))
        return response["text"]

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
        limits = limits if limits is not None else self.limits
        if limits is not None:
            request["limits"] = limits
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
        return response
