//! The request handler of `bytelogic serve`: one JSON request in, one JSON response out.
//!
//! Requests (one JSON object per line; `id` is echoed back as given, `null` if absent):
//! - `{"id", "code", "limits"?, "backend"?, "wat"?, "inputs"?}` runs `code` on `backend`
//!   (`"auto"`, the default, `"wasm"` or `"interpreter"`, also `"interp"`) with the facts of `inputs`
//!   ([`crate::inputs`]) injected; the response is the outcome of `bytelogic run --json`
//!   with `id` added (and `wat_code` when `wat` is true).
//! - `{"id", "kind": "tokens", "text", "keep"?, "limits"?, "backend"?}` answers the computation
//!   blocks of `text` ([`crate::tokens`]): `{"id", "success": true, "text", "blocks",
//!   "failed"}`.
//!
//! `kind` defaults to `"run"`. A request that cannot be served (not JSON, not UTF-8, an
//! unknown field, a bad limit…) gets `{"id", "success": false, "error": {"code",
//! "message"}}` with code `bad_request`, or `unsupported` when `backend: "wasm"` was
//! asked for and the compiled path cannot run the program.
//!
//! A request's fields are read from their own text: `id` is echoed exactly as written
//! (a number of any size included), `inputs` is read under the request's tuple and
//! memory limits without a JSON tree of it, and the response to a run is written
//! from its outcome as it renders (docs/decisions.md 107).
//!
//! The server keeps one [`Executor`], so the compiled-module cache lives across requests
//! (and the executor's tiering: a program seen before finds its module ready).

use crate::executor::{Backend, Executor, Options};
use crate::inputs::{self, InputError};
use crate::outcome::Outcome;
use crate::tokens::{TokenOptions, process_text};
use bytelogic_engine::Limits;
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::value::RawValue;
use serde_json::{Map, Value as Json, json};
use std::collections::BTreeMap;
use std::fmt;

/// The error code of a request that cannot be understood.
pub const BAD_REQUEST: &str = "bad_request";
/// The error code of a request the chosen backend cannot run.
pub const UNSUPPORTED: &str = "unsupported";

/// The fields a request of each kind may have.
const RUN_FIELDS: [&str; 7] = ["id", "kind", "code", "limits", "backend", "wat", "inputs"];
const TOKENS_FIELDS: [&str; 6] = ["id", "kind", "text", "keep", "limits", "backend"];

/// Serves requests, from any number of threads at once (`bytelogic serve --jobs`). It
/// holds what is kept across requests: the executor and its compiled-module cache.
#[derive(Default)]
pub struct Server {
    executor: Executor,
}

/// Why a request failed: an error code and a message.
type Refusal = (&'static str, String);

/// The fields of a request, each as written.
type Request = BTreeMap<String, Box<RawValue>>;

/// The response to one request: its `id` as the request wrote it, and the answer.
/// It prints (`Display`) as one line of JSON, keys in alphabetical order.
pub struct Response {
    id: Option<Box<RawValue>>,
    body: Body,
}

/// What a response says besides its `id`.
enum Body {
    /// A run's outcome, written as `bytelogic run --json` writes it.
    Run(Box<Outcome>),
    /// Any other answer: a JSON object.
    Object(Map<String, Json>),
}

impl Response {
    /// The response as a JSON value (an `id` too large for the JSON numbers of
    /// `serde_json` reads as the nearest float; the printed form keeps it exact).
    pub fn json(&self) -> Json {
        serde_json::from_str(&self.to_string()).unwrap_or(Json::Null)
    }
}

impl fmt::Display for Response {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Room for a corpus program's response, so it is written without regrowing.
        let mut bytes = Vec::with_capacity(512);
        let id = self.id.as_deref();
        let written = match &self.body {
            Body::Run(outcome) => {
                crate::render::json::write_outcome_with_id(outcome, id, &mut bytes)
            }
            Body::Object(map) => {
                serde_json::to_writer(&mut bytes, &WithId(map, id)).map_err(Into::into)
            }
        };
        written.map_err(|_| fmt::Error)?;
        // serde_json writes UTF-8 only.
        f.write_str(std::str::from_utf8(&bytes).map_err(|_| fmt::Error)?)
    }
}

/// A JSON object with `id` (as written, or `null`) among its keys, in order.
struct WithId<'a>(&'a Map<String, Json>, Option<&'a RawValue>);

impl Serialize for WithId<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len() + 1))?;
        let mut id = Some(self.1);
        for (key, value) in self.0 {
            if key.as_str() > "id"
                && let Some(raw) = id.take()
            {
                map.serialize_entry("id", &raw)?;
            }
            map.serialize_entry(key, value)?;
        }
        if let Some(raw) = id {
            map.serialize_entry("id", &raw)?;
        }
        map.end()
    }
}

impl Server {
    /// A server with nothing cached yet.
    pub fn new() -> Server {
        Server::default()
    }

    /// The executor that runs the requests (its cache is shared by all of them).
    pub fn executor(&self) -> &Executor {
        &self.executor
    }

    /// Answers one request line (without its line break). Never fails: a bad request
    /// gets an error response.
    pub fn handle(&self, line: &[u8]) -> Response {
        let mut request = match parse_request(line) {
            Ok(request) => request,
            Err(message) => return error_response(None, BAD_REQUEST, &message),
        };
        let id = request.remove("id");
        match self.answer(&request) {
            Ok(body) => Response { id, body },
            Err((code, message)) => error_response(id, code, &message),
        }
    }

    fn answer(&self, request: &Request) -> Result<Body, Refusal> {
        match field(request, "kind")? {
            None => self.run(request),
            Some(Json::String(kind)) if kind == "run" => self.run(request),
            Some(Json::String(kind)) if kind == "tokens" => self.tokens(request),
            Some(other) => Err(bad(format!(
                "unknown kind {other}: expected \"run\" or \"tokens\""
            ))),
        }
    }

    fn run(&self, request: &Request) -> Result<Body, Refusal> {
        only_fields(request, &RUN_FIELDS)?;
        let code = string_field(request, "code")?;
        let limits = limits(field(request, "limits")?.as_ref())?;
        let options = Options {
            backend: backend(field(request, "backend")?.as_ref())?,
            limits,
            inputs: Vec::new(),
            want_wat: match field(request, "wat")? {
                None | Some(Json::Null) => false,
                Some(Json::Bool(wat)) => wat,
                Some(other) => return Err(bad(format!("wat must be true or false, not {other}"))),
            },
        };
        let inputs = match request.get("inputs").map(|raw| raw.get()) {
            None | Some("null") => Ok(Vec::new()),
            Some(text) => inputs::parse_bytes(text.as_bytes(), &options.limits),
        };
        let outcome = match inputs {
            Ok(inputs) => self.executor.execute(&code, &Options { inputs, ..options }),
            // A limit met reading the inputs is the run's outcome: nothing runs.
            Err(InputError::Limit(d)) => {
                let chosen = match options.backend {
                    Backend::Interpreter => crate::outcome::INTERPRETER,
                    _ => crate::outcome::WASM,
                };
                Ok(Outcome::new(
                    &code,
                    vec![*d],
                    None,
                    chosen,
                    Default::default(),
                ))
            }
            Err(InputError::Bad(message)) => return Err(bad(message)),
        };
        match outcome {
            Ok(outcome) => Ok(Body::Run(Box::new(outcome))),
            Err(e) => Err((UNSUPPORTED, e.to_string())),
        }
    }

    fn tokens(&self, request: &Request) -> Result<Body, Refusal> {
        only_fields(request, &TOKENS_FIELDS)?;
        let text = string_field(request, "text")?;
        let keep = match field(request, "keep")? {
            None | Some(Json::Null) => false,
            Some(Json::Bool(keep)) => keep,
            Some(other) => return Err(bad(format!("keep must be true or false, not {other}"))),
        };
        let options = TokenOptions {
            run: Options {
                backend: backend(field(request, "backend")?.as_ref())?,
                limits: limits(field(request, "limits")?.as_ref())?,
                ..Options::default()
            },
            keep,
        };
        let processed = process_text(&text, &options, &self.executor);
        Ok(Body::Object(Map::from_iter([
            ("success".to_string(), Json::Bool(true)),
            ("text".to_string(), Json::String(processed.text)),
            ("blocks".to_string(), Json::from(processed.counts.blocks)),
            ("failed".to_string(), Json::from(processed.counts.failed)),
        ])))
    }
}

/// The response to a request that could not be served, with its `id` as written.
pub fn error_response(id: Option<Box<RawValue>>, code: &str, message: &str) -> Response {
    let body = json!({ "success": false, "error": { "code": code, "message": message } });
    let Json::Object(map) = body else {
        unreachable!("a JSON object")
    };
    Response {
        id,
        body: Body::Object(map),
    }
}

/// The fields of the request object of `line`, each as written, or what is wrong.
fn parse_request(line: &[u8]) -> Result<Request, String> {
    let text = std::str::from_utf8(line).map_err(|e| {
        let at = e.valid_up_to();
        format!("request is not UTF-8 (invalid byte at offset {at})")
    })?;
    // The common case in one pass; what a refused request was, in a second.
    let object_error = match serde_json::from_str(text) {
        Ok(request) => return Ok(request),
        Err(e) => e,
    };
    let whole: &RawValue =
        serde_json::from_str(text).map_err(|e| format!("request is not JSON: {e}"))?;
    let kind = match whole.get().trim_start().as_bytes().first() {
        Some(b'{') => return Err(format!("request is not JSON: {object_error}")),
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    };
    Err(format!("request must be a JSON object, not {kind}"))
}

/// The value of field `name`, read from its text (`None` when absent).
fn field(request: &Request, name: &str) -> Result<Option<Json>, Refusal> {
    request
        .get(name)
        .map(|raw| serde_json::from_str(raw.get()))
        .transpose()
        .map_err(|e| bad(format!("`{name}` is not JSON: {e}")))
}

fn kind_of(value: &Json) -> &'static str {
    match value {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "an array",
        Json::Object(_) => "an object",
    }
}

fn bad(message: String) -> Refusal {
    (BAD_REQUEST, message)
}

/// Refuses a field outside `allowed`, so that a misspelt option is not silently ignored.
fn only_fields(request: &Request, allowed: &[&str]) -> Result<(), Refusal> {
    match request.keys().find(|k| !allowed.contains(&k.as_str())) {
        None => Ok(()),
        Some(key) => Err(bad(format!(
            "unknown field `{key}`; this kind of request takes {}",
            allowed.join(", ")
        ))),
    }
}

fn string_field(request: &Request, name: &str) -> Result<String, Refusal> {
    match field(request, name)? {
        Some(Json::String(s)) => Ok(s),
        None => Err(bad(format!("missing field `{name}`"))),
        Some(other) => Err(bad(format!(
            "`{name}` must be a string, not {}",
            kind_of(&other)
        ))),
    }
}

/// The backend of a request: `"auto"` (the default), `"wasm"` or `"interpreter"`
/// (also `"interp"`, as on the command line).
fn backend(value: Option<&Json>) -> Result<Backend, Refusal> {
    match value {
        None | Some(Json::Null) => Ok(Backend::Auto),
        Some(other) => other.as_str().and_then(Backend::from_name).ok_or_else(|| {
            bad(format!(
                "backend must be \"auto\", \"wasm\" or \"interpreter\" (or \"interp\"), not {other}"
            ))
        }),
    }
}

/// The limits of a request: the defaults, with the fields of `{"max_steps", …}` (the
/// names of the `run` flags) replaced.
pub fn limits(value: Option<&Json>) -> Result<Limits, Refusal> {
    let mut limits = Limits::default();
    let map = match value {
        None | Some(Json::Null) => return Ok(limits),
        Some(Json::Object(map)) => map,
        Some(other) => {
            return Err(bad(format!(
                "limits must be an object, not {}",
                kind_of(other)
            )));
        }
    };
    for (name, value) in map {
        let n = value.as_u64().ok_or_else(|| {
            bad(format!(
                "limit `{name}` must be a non-negative integer, not {value}"
            ))
        })?;
        match name.as_str() {
            "max_steps" => limits.max_steps = n,
            "max_tuples" => limits.max_tuples = n,
            "max_depth" => {
                limits.max_depth = u32::try_from(n)
                    .map_err(|_| bad(format!("limit `max_depth` is too large: {n}")))?;
            }
            "timeout_ms" => limits.timeout_ms = n,
            "max_memory_mb" => limits.max_memory_mb = n,
            "max_source_kb" => limits.max_source_kb = n,
            _ => {
                return Err(bad(format!(
                    "unknown limit `{name}`; limits are max_steps, max_tuples, max_depth, \
                     timeout_ms, max_memory_mb, max_source_kb"
                )));
            }
        }
    }
    Ok(limits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn handle(line: &str) -> Json {
        Server::new().handle(line.as_bytes()).json()
    }

    fn error_code(response: &Json) -> &str {
        response["error"]["code"].as_str().unwrap_or("")
    }

    #[test]
    fn runs_code_and_echoes_the_id() {
        let r = handle(r#"{"id": 7, "code": "RESULT 6 * 7"}"#);
        assert_eq!(r["id"], 7);
        assert_eq!(r["success"], true);
        assert_eq!(r["computation_token"], "<result>42</result>");
        assert_eq!(r["backend"], "interpreter", "a new program is interpreted");
        assert!(r.get("wat_code").is_none() && r.get("fallback").is_none());
        let r = handle(r#"{"id": "a", "kind": "run", "code": "RESULT 1 / 0", "backend": "auto"}"#);
        assert_eq!(
            (&r["id"], &r["error"]["code"]),
            (&json!("a"), &json!("E201"))
        );
    }

    #[test]
    fn limits_apply_per_request() {
        let spin = "CALC s\\nLET $i = 0\\nFOR WHILE $i < 100000\\nLET $i = $i + 1\\nEND\\nRESULT $i\\nEND\\nRESULT CALC s()";
        let r = handle(&format!(
            r#"{{"id": 1, "code": "{spin}", "limits": {{"max_steps": 100}}}}"#
        ));
        assert_eq!(r["error"]["code"], "E401", "{r}");
        let r = handle(&format!(r#"{{"id": 1, "code": "{spin}"}}"#));
        assert_eq!(r["success"], true, "{r}");
    }

    #[test]
    fn backend_wat_and_inputs_are_honoured() {
        let server = Server::new();
        let handle = |line: &str| server.handle(line.as_bytes()).json();
        let code = r#""REL e\nQUERY e ? ?""#;
        let r = handle(&format!(
            r#"{{"id": 1, "code": {code}, "backend": "interpreter", "inputs": {{"e": [[1, "b"], [2.5, "a"]]}}}}"#
        ));
        assert_eq!(
            (&r["backend"], &r["result"]),
            (&json!("interpreter"), &json!("(1, b), (2.5, a)"))
        );
        let r = handle(&format!(
            r#"{{"id": 2, "code": {code}, "backend": "wasm", "wat": true, "inputs": {{"e": [[1, "b"]]}}}}"#
        ));
        assert_eq!(
            (&r["backend"], &r["result"]),
            (&json!("wasm"), &json!("(1, b)"))
        );
        let wat = r["wat_code"].as_str().unwrap_or("");
        assert!(wat.starts_with("(module"), "{r}");
        let r = handle(&format!(
            r#"{{"id": 3, "code": {code}, "inputs": {{"f": []}}}}"#
        ));
        assert_eq!(r["error"]["code"], "E301", "{r}");
        // The same program and inputs again: its module, compiled for request 2, is
        // kept across requests, so the default backend runs it compiled.
        let r = handle(&format!(
            r#"{{"id": 4, "code": {code}, "inputs": {{"e": [[1, "b"]]}}}}"#
        ));
        assert_eq!(
            (&r["backend"], &r["result"]),
            (&json!("wasm"), &json!("(1, b)"))
        );
        let cached = server.executor().wasm().map(|w| w.cached());
        assert_eq!(cached.ok(), Some(1));
    }

    #[test]
    fn tokens_requests_answer_blocks() {
        let r = handle(
            r#"{"id": 2, "kind": "tokens", "text": "x <computation>RESULT 2</computation> y"}"#,
        );
        assert_eq!(
            r,
            json!({"id": 2, "success": true, "text": "x <result>2</result> y", "blocks": 1, "failed": 0})
        );
    }

    #[test]
    fn bad_requests_get_error_responses() {
        for (line, code) in [
            ("not json", BAD_REQUEST),
            ("[1, 2]", BAD_REQUEST),
            (r#"{"id": 1}"#, BAD_REQUEST),
            (r#"{"id": 1, "code": 5}"#, BAD_REQUEST),
            (r#"{"id": 1, "code": "", "limit": {}}"#, BAD_REQUEST),
            (
                r#"{"id": 1, "code": "", "limits": {"max_steps": -1}}"#,
                BAD_REQUEST,
            ),
            (
                r#"{"id": 1, "code": "", "limits": {"steps": 1}}"#,
                BAD_REQUEST,
            ),
            (
                r#"{"id": 1, "code": "", "limits": {"max_depth": 99999999999}}"#,
                BAD_REQUEST,
            ),
            (r#"{"id": 1, "code": "", "backend": "gpu"}"#, BAD_REQUEST),
            (r#"{"id": 1, "kind": "compile", "code": ""}"#, BAD_REQUEST),
            (r#"{"id": 1, "kind": "tokens", "code": ""}"#, BAD_REQUEST),
            (r#"{"id": 1, "code": "", "wat": 1}"#, BAD_REQUEST),
            (r#"{"id": 1, "code": "", "inputs": [1]}"#, BAD_REQUEST),
            (
                r#"{"id": 1, "code": "", "inputs": {"r": [[true]]}}"#,
                BAD_REQUEST,
            ),
        ] {
            let r = handle(line);
            assert_eq!(
                (error_code(&r), &r["success"]),
                (code, &json!(false)),
                "{line}: {r}"
            );
            assert!(
                r["error"]["message"]
                    .as_str()
                    .is_some_and(|m| !m.is_empty())
            );
        }
        let r = Server::new()
            .handle(b"{\"id\": 1, \"code\": \"\xff\"}")
            .json();
        assert_eq!((error_code(&r), &r["id"]), (BAD_REQUEST, &Json::Null));
    }

    #[test]
    fn ids_are_echoed_as_written() {
        let server = Server::new();
        for id in [
            "123456789012345678901234567890",
            "1.50",
            "-0",
            "{\"a\": [1e400]}",
            "\"x\"",
        ] {
            let line = format!(r#"{{"id": {id}, "code": "RESULT 1"}}"#);
            let r = server.handle(line.as_bytes()).to_string();
            assert!(r.contains(&format!(r#","id":{id},"outputs""#)), "{r}");
            let line = format!(r#"{{"id": {id}, "kind": "tokens", "text": "x"}}"#);
            let r = server.handle(line.as_bytes()).to_string();
            assert!(
                r.starts_with(&format!(r#"{{"blocks":0,"failed":0,"id":{id},"success""#)),
                "{r}"
            );
            let line = format!(r#"{{"id": {id}, "code": 5}}"#);
            let r = server.handle(line.as_bytes()).to_string();
            assert!(r.contains(&format!(r#""id":{id},"success":false"#)), "{r}");
        }
        let r = server.handle(br#"{"code": "RESULT 1"}"#).to_string();
        assert!(r.contains(r#""id":null"#), "{r}");
        let r = server.handle(b"oops").to_string();
        assert!(r.contains(r#""id":null"#), "{r}");
    }

    #[test]
    fn inputs_are_read_under_the_request_limits() {
        let tuples: Vec<String> = (0..100).map(|i| format!("[{i}]")).collect();
        let line = format!(
            r#"{{"id": 1, "code": "REL e\nQUERY e ?", "limits": {{"max_tuples": 10}}, "inputs": {{"e": [{}]}}}}"#,
            tuples.join(",")
        );
        for backend in ["interpreter", "wasm", "auto"] {
            let line = line.replace(r#""id": 1"#, &format!(r#""id": 1, "backend": "{backend}""#));
            let r = Server::new().handle(line.as_bytes()).json();
            assert_eq!(r["error"]["code"], "E402", "{r}");
            assert_eq!(r["outputs"], json!([]), "{r}");
        }
    }
}
