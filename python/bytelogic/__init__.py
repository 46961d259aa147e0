"""ByteLogic for Python: run ByteLogic programs in this process.

ByteLogic is a small Datalog (relations, facts, rules, SOLVE, QUERY) with an imperative
sublanguage, CALC. Language models write programs inside <computation>...</computation>;
this package runs them natively (compiled to WebAssembly, or interpreted) and answers
with <result>...</result> or <error>CODE: message</error>.

    >>> import bytelogic
    >>> bl = bytelogic.ByteLogicExecutor()
    >>> bl.execute_bytelogic("RESULT 6 * 7")["result"]
    '42'
    >>> bl.process_text("x = <computation>RESULT 2 + 2</computation>")
    'x = <result>4</result>'

Contents:
    ByteLogicExecutor  runs programs (execute_bytelogic), texts with <computation>
                       blocks (process_text), JSONL datasets (validate, validate_data)
                       and WAT modules exporting `compute` (execute_wat). Thread-safe,
                       picklable; the GIL is released while a program runs.
    WASMExecutor       the same class, under the name of the WAT executor it replaces.
    TokenStream        process_text for text that arrives in pieces (feed, finish).
    check(code)        the diagnostics of a program, without running it.
    lex(code)          the program's tokens; vocab(): keywords, operators, built-ins.
    Diagnostic, Summary, RowReport
                       what check and validate return.
    UsageError         raised for bad arguments (a ValueError); a failing program is
                       a result whose "error" says why, never an exception.

The user guide is docs/python.md in the ByteLogic repository.
"""

from ._native import (
    ByteLogicExecutor,
    Diagnostic,
    RowReport,
    Summary,
    TokenStream,
    UsageError,
    __version__,
    check,
    lex,
    vocab,
)

WASMExecutor = ByteLogicExecutor

__all__ = [
    "ByteLogicExecutor",
    "Diagnostic",
    "RowReport",
    "Summary",
    "TokenStream",
    "UsageError",
    "WASMExecutor",
    "__version__",
    "check",
    "lex",
    "vocab",
]
