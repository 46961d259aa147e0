"""Type stubs of bytelogic._native (re-exported by the bytelogic package)."""

from os import PathLike
from typing import Any, Dict, Iterable, List, Literal, Mapping, Optional, Sequence, Tuple, TypedDict, Union, final

__all__ = [
    "__version__",
    "_after_fork",
    "_bench_rust_executor",
    "ByteLogicExecutor",
    "Diagnostic",
    "RowReport",
    "Summary",
    "TokenStream",
    "UsageError",
    "check",
    "lex",
    "vocab",
]

__version__: str

_Value = Union[int, float, str]
"""A program value: Int, Float or Symbol."""

_FlatItem = Union[int, float, str, bool, Tuple[_Value, ...]]
"""An item of query_results: a value, a tuple, or a truth answer."""

_Backend = Literal["auto", "wasm", "interpreter", "interp"]

class _Limits(TypedDict, total=False):
    """The limits of a run (spec §7), each defaulting to the engine's default."""

    max_steps: int
    max_tuples: int
    max_depth: int
    timeout_ms: int
    max_memory_mb: int
    max_source_kb: int

_Inputs = Mapping[str, Sequence[Sequence[Union[int, float, str]]]]
"""Facts to inject: {"relation": [[value, ...], ...]}."""

class _ExecutionResult(TypedDict):
    """What execute_bytelogic returns."""

    success: bool
    result: str
    query_results: List[_FlatItem]
    computation_token: str
    wat_code: Optional[str]
    error: Optional[str]
    execution_time_ms: float
    calculation_result: Optional[_Value]
    outcome: Dict[str, Any]

class _ComputeResult(TypedDict):
    """What execute_wat returns."""

    success: bool
    result: Optional[Union[int, float]]
    error: Optional[str]
    computed_token: str

class UsageError(ValueError):
    """A bad argument. A program that fails is not an exception: its result says so."""

@final
class ByteLogicExecutor:
    """Runs ByteLogic programs in this process; thread-safe and picklable."""

    def __new__(
        cls,
        backend: _Backend = "auto",
        limits: Optional[_Limits] = None,
        timeout: Optional[float] = None,
        cache_enabled: bool = True,
        bytelogic_path: Optional[Union[str, PathLike[str]]] = None,
    ) -> ByteLogicExecutor: ...
    @property
    def backend(self) -> Literal["auto", "wasm", "interpreter"]: ...
    @property
    def limits(self) -> Dict[str, int]: ...
    @property
    def cache_enabled(self) -> bool: ...
    def execute_bytelogic(
        self,
        bl_code: str,
        inputs: Optional[_Inputs] = None,
        wat: bool = False,
        *,
        limits: Optional[_Limits] = None,
        backend: Optional[_Backend] = None,
    ) -> _ExecutionResult: ...
    def process_text(
        self,
        text: str,
        keep: bool = False,
        *,
        limits: Optional[_Limits] = None,
        backend: Optional[_Backend] = None,
    ) -> str: ...
    def validate(
        self,
        path: Union[str, PathLike[str]],
        program_field: str = "program",
        expected_field: str = "expected",
    ) -> Summary: ...
    def validate_data(
        self,
        data: Union[str, bytes],
        first_line: int = 1,
        program_field: str = "program",
        expected_field: str = "expected",
    ) -> Summary: ...
    def execute_wat(
        self,
        wat_code: Union[str, bytes],
        inputs: Optional[Union[Sequence[float], Mapping[str, float]]] = None,
        *,
        limits: Optional[_Limits] = None,
    ) -> _ComputeResult: ...

@final
class TokenStream:
    """process_text for a text that arrives in pieces."""

    def __new__(cls, executor: Optional[ByteLogicExecutor] = None, keep: bool = False) -> TokenStream: ...
    def feed(self, chunk: Union[str, bytes]) -> str: ...
    def finish(self) -> str: ...
    @property
    def blocks(self) -> int: ...
    @property
    def failed(self) -> int: ...

@final
class Diagnostic:
    """A diagnostic with the fields of spec §8."""

    code: str
    severity: Literal["error", "warning"]
    message: str
    line: int
    column: int
    end_column: int
    label: Optional[str]
    hint: Optional[str]
    def __new__(
        cls,
        code: str,
        severity: str,
        message: str,
        line: int,
        column: int,
        end_column: int,
        label: Optional[str] = None,
        hint: Optional[str] = None,
    ) -> Diagnostic: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class RowReport:
    """The verdict on one row of a dataset."""

    def __new__(
        cls,
        line: int,
        id: str,
        category: str,
        status: Literal["pass", "wrong", "error"],
        code: Optional[str] = None,
        message: Optional[str] = None,
    ) -> RowReport: ...
    @property
    def line(self) -> int: ...
    @property
    def id(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def status(self) -> Literal["pass", "wrong", "error"]: ...
    @property
    def code(self) -> Optional[str]: ...
    @property
    def message(self) -> Optional[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class Summary:
    """The result of validating a dataset."""

    def __new__(cls, reports: Iterable[RowReport], elapsed: float = 0.0) -> Summary: ...
    @staticmethod
    def merge(parts: Iterable[Summary], elapsed: Optional[float] = None) -> Summary: ...
    @property
    def passed(self) -> int: ...
    @property
    def wrong(self) -> int: ...
    @property
    def errors(self) -> int: ...
    @property
    def rows(self) -> int: ...
    @property
    def elapsed(self) -> float: ...
    @property
    def by_code(self) -> Dict[str, int]: ...
    @property
    def by_category(self) -> Dict[str, Tuple[int, int]]: ...
    @property
    def reports(self) -> List[RowReport]: ...
    def text(self) -> str: ...

def check(code: str) -> List[Diagnostic]: ...
def lex(code: str) -> List[Dict[str, Any]]: ...
def vocab() -> Dict[str, List[str]]: ...
def _bench_rust_executor(programs: List[str], backend: str) -> float:
    """For python/bench: seconds the process's Rust Executor takes to run `programs`."""
def _after_fork() -> None:
    """Registered with os.register_at_fork: a forked child starts its own engine."""
