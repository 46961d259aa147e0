"""The type stubs (bytelogic/_native.pyi) match the module: mypy's stubtest compares
every name, signature and class of the stub with the built extension."""

import subprocess
import sys

from conftest import need


def test_stubs_match_the_module():
    try:
        import mypy.stubtest  # noqa: F401
    except ImportError:
        need(None, "mypy is not installed")
    done = subprocess.run([sys.executable, "-m", "mypy.stubtest", "bytelogic._native"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
