"""Drives the real `bytelogic serve` through ByteLogicExecutor.

    BYTELOGIC_BIN=target/debug/bytelogic python3 examples/python/test_client.py

Run by the Rust test runtime/tests/pipeline/python.rs with the binary it built.
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bytelogic_client import ByteLogicError, ByteLogicExecutor  # noqa: E402

KEYS = {"success", "result", "query_results", "computation_token", "wat_code", "error",
        "execution_time_ms", "outcome"}

FAMILY = """REL parent
REL grandparent
FACT parent alice bob
FACT parent bob carol
FACT parent bob dave
RULE grandparent: SCAN parent MATCH $0, JOIN parent $0, EMIT grandparent $1 $2
SOLVE
QUERY grandparent alice ?
QUERY parent ? ?
RESULT 7 / 2
"""


class ClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.bl = ByteLogicExecutor()

    @classmethod
    def tearDownClass(cls):
        cls.bl.close()

    def test_success_has_the_pipeline_keys(self):
        r = self.bl.execute_bytelogic(FAMILY)
        self.assertEqual(set(r), KEYS)
        self.assertTrue(r["success"])
        self.assertEqual(r["result"], "carol, dave; (alice, bob), (bob, carol), (bob, dave); 3.5")
        self.assertEqual(r["query_results"],
                         ["carol", "dave", ["alice", "bob"], ["bob", "carol"], ["bob", "dave"], 3.5])
        self.assertEqual(r["computation_token"], "<result>" + r["result"] + "</result>")
        self.assertIsNone(r["error"])
        self.assertIsNone(r["wat_code"])
        self.assertGreaterEqual(r["execution_time_ms"], 0.0)

    def test_program_errors(self):
        r = self.bl.execute_bytelogic("RESULT 1\nRESULT 1 / 0\n")
        self.assertFalse(r["success"])
        self.assertTrue(r["error"].startswith("E201: "), r["error"])
        self.assertTrue(r["computation_token"].startswith("<error>E201: "))
        self.assertEqual(r["query_results"], [1])
        r = self.bl.execute_bytelogic("REL a\nQUERY b ?\n")
        self.assertTrue(r["error"].startswith("E301: "), r["error"])

    def test_limits_per_call(self):
        spin = "CALC s\nLET $i = 0\nFOR WHILE $i < 100000\nLET $i = $i + 1\nEND\nRESULT $i\nEND\nRESULT CALC s()\n"
        self.assertTrue(self.bl.execute_bytelogic(spin)["success"])
        r = self.bl.execute_bytelogic(spin, limits={"max_steps": 1000})
        self.assertTrue(r["error"].startswith("E401: "), r["error"])

    def test_inputs_backend_and_wat(self):
        code = "REL parent\nQUERY parent ? ?\n"
        r = self.bl.execute_bytelogic(code, inputs={"parent": [["b", "c"], ["a", 2.5]]})
        self.assertEqual(r["result"], "(a, 2.5), (b, c)")
        self.assertEqual(r["outcome"]["backend"], "interpreter")  # a new program
        self.assertIsNone(r["wat_code"])
        r = self.bl.execute_bytelogic(code, backend="interpreter", wat=True)
        self.assertEqual(r["outcome"]["backend"], "interpreter")
        self.assertTrue(r["wat_code"].startswith("(module"), r["wat_code"])
        r = self.bl.execute_bytelogic("RESULT 1", inputs={"parent": [["a", "b"]]})
        self.assertTrue(r["error"].startswith("E301: "), r["error"])

    def test_bad_options_are_clear_errors(self):
        r = self.bl.execute_bytelogic("RESULT 1", backend="gpu")
        self.assertFalse(r["success"])
        self.assertTrue(r["error"].startswith("bad_request: "), r["error"])
        self.assertEqual(r["computation_token"], "<error>" + r["error"] + "</error>")
        # The server is still there.
        self.assertTrue(self.bl.execute_bytelogic("RESULT 1")["success"])

    def test_process_text(self):
        text = ("Sum: <computation>RESULT 2 + 2</computation>; bad: "
                "<Computation>RESULT CHAR_AT(\"ab\", 5)</Computation>; é: "
                "<COMPUTATION>RESULT LENGTH(\"héllo\")</COMPUTATION>.")
        out = self.bl.process_text(text)
        self.assertTrue(out.startswith("Sum: <result>4</result>; bad: <error>E204: "), out)
        self.assertTrue(out.endswith("; é: <result>5</result>."), out)
        kept = self.bl.process_text("<computation>RESULT 1</computation>", keep=True)
        self.assertEqual(kept, "<computation>RESULT 1</computation><result>1</result>")
        with self.assertRaises(ByteLogicError):
            self.bl.process_text("x", limits={"max_steps": -1})

    def test_many_calls_share_one_server(self):
        for i in range(200):
            r = self.bl.execute_bytelogic("RESULT %d * 2" % i)
            self.assertEqual(r["query_results"], [i * 2])


if __name__ == "__main__":
    unittest.main(verbosity=2)
