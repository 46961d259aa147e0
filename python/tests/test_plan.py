"""The migration plan's unit tests (its section 7.1), test_simple_query and test_transitive_closure,
written in their obvious form (the plan itself is not in this repository) against the
drop-in API: a ByteLogicExecutor built with the plan's arguments, execute_bytelogic, and
the plan's keys."""

from bytelogic import ByteLogicExecutor


def test_simple_query():
    executor = ByteLogicExecutor(timeout=5, cache_enabled=True)
    code = """
REL parent
FACT parent alice bob
FACT parent alice carol
FACT parent bob dave
SOLVE
QUERY parent alice ?
"""
    result = executor.execute_bytelogic(code)
    assert result["success"]
    assert result["error"] is None
    assert sorted(result["query_results"]) == ["bob", "carol"]
    assert result["computation_token"] == "<result>bob, carol</result>"
    assert result["execution_time_ms"] >= 0


def test_transitive_closure():
    executor = ByteLogicExecutor(timeout=5, cache_enabled=True)
    code = """
REL edge
REL reachable
FACT edge a b
FACT edge b c
FACT edge c d
RULE reachable: SCAN edge, EMIT reachable $0 $1
RULE reachable: SCAN edge, JOIN reachable $1, EMIT reachable $0 $2
SOLVE
QUERY reachable a ?
QUERY reachable ? ?
"""
    result = executor.execute_bytelogic(code)
    assert result["success"], result["error"]
    assert result["query_results"][:3] == ["b", "c", "d"]
    pairs = set(result["query_results"][3:])
    assert pairs == {("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("b", "d"), ("c", "d")}
