"""Every ```python block of README.md and docs/**/*.md runs as written: each in its own
interpreter from the repository root, with examples/python importable and the
`bytelogic` binary ($BYTELOGIC_BIN) for the blocks that use the subprocess client."""

import os
import re
import subprocess
import sys

import pytest

from conftest import EXAMPLES, REPO, binary, need

FENCE = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def blocks():
    found = []
    for path in [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        for match in FENCE.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append(pytest.param(match.group(1), id="%s:%d" % (path.relative_to(REPO), line)))
    return found


def test_the_docs_have_python_blocks():
    ids = [p.id for p in blocks()]
    assert any(i.startswith("docs/python.md") for i in ids), ids


@pytest.mark.parametrize("code", blocks())
def test_python_block_runs(code):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(EXAMPLES), os.environ.get("PYTHONPATH")])))
    if "bytelogic_client" in code:
        env["BYTELOGIC_BIN"] = need(binary(), "no bytelogic binary for the subprocess client")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_package_docstring_examples_run():
    import doctest

    import bytelogic

    failed, tried = doctest.testmod(bytelogic)
    assert (failed, tried > 0) == (0, True)
