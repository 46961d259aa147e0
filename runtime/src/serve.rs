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
//! The server keeps one [`Executor`], so the compiled-module cache lives across requests
//! (and the executor's tiering: a program seen before finds its module ready).

use crate::executor::{Backend, Executor, Options};
use crate::tokens::{TokenOptions, process_text};
use bytelogic_engine::Limits;
use serde_json::{Map, Value as Json, json};

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
    pub fn handle(&self, line: &[u8]) -> Json {
        let request = match parse_request(line) {
            Ok(request) => request,
            Err((id, message)) => return error_response(id, BAD_REQUEST, &message),
        };
        let id = request.get("id").cloned().unwrap_or(Json::Null);
        match self.answer(&request) {
            Ok(mut response) => {
                if let Json::Object(map) = &mut response {
                    map.insert("id".to_string(), id);
                }
                response
            }
            Err((code, message)) => error_response(id, code, &message),
        }
    }

    fn answer(&self, request: &Map<String, Json>) -> Result<Json, Refusal> {
        match request.get("kind") {
            None => self.run(request),
            Some(Json::String(kind)) if kind == "run" => self.run(request),
            Some(Json::String(kind)) if kind == "tokens" => self.tokens(request),
            Some(other) => Err(bad(format!(
                "unknown kind {other}: expected \"run\" or \"tokens\""
            ))),
        }
    }

    fn run(&self, request: &Map<String, Json>) -> Result<Json, Refusal> {
        only_fields(request, &RUN_FIELDS)?;
        let code = string_field(request, "code")?;
        let options = Options {
            backend: backend(request.get("backend"))?,
            limits: limits(request.get("limits"))?,
            inputs: match request.get("inputs") {
                None | Some(Json::Null) => Vec::new(),
                Some(inputs) => crate::inputs::parse(inputs).map_err(bad)?,
            },
            want_wat: match request.get("wat") {
                None | Some(Json::Null) => false,
                Some(Json::Bool(wat)) => *wat,
                Some(other) => return Err(bad(format!("wat must be true or false, not {other}"))),
            },
        };
        match self.executor.execute(code, &options) {
            Ok(outcome) => Ok(outcome.to_json()),
            Err(e) => Err((UNSUPPORTED, e.to_string())),
        }
    }

    fn tokens(&self, request: &Map<String, Json>) -> Result<Json, Refusal> {
        only_fields(request, &TOKENS_FIELDS)?;
        let text = string_field(request, "text")?;
        let keep = match request.get("keep") {
            None | Some(Json::Null) => false,
            Some(Json::Bool(keep)) => *keep,
            Some(other) => return Err(bad(format!("keep must be true or false, not {other}"))),
        };
        let options = TokenOptions {
            run: Options {
                backend: backend(request.get("backend"))?,
                limits: limits(request.get("limits"))?,
                ..Options::default()
            },
            keep,
        };
        let processed = process_text(text, &options, &self.executor);
        Ok(json!({
            "success": true,
            "text": processed.text,
            "blocks": processed.counts.blocks,
            "failed": processed.counts.failed,
        }))
    }
}

/// The response to a request that could not be served.
pub fn error_response(id: Json, code: &str, message: &str) -> Json {
    json!({ "id": id, "success": false, "error": { "code": code, "message": message } })
}

/// The request object of `line`, or its `id` (when one can be read) and what is wrong.
fn parse_request(line: &[u8]) -> Result<Map<String, Json>, (Json, String)> {
    let text = std::str::from_utf8(line).map_err(|e| {
        let at = e.valid_up_to();
        (
            Json::Null,
            format!("request is not UTF-8 (invalid byte at offset {at})"),
        )
    })?;
    match serde_json::from_str(text) {
        Ok(Json::Object(map)) => Ok(map),
        Ok(other) => Err((
            Json::Null,
            format!("request must be a JSON object, not {}", kind_of(&other)),
        )),
        Err(e) => Err((Json::Null, format!("request is not JSON: {e}"))),
    }
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
fn only_fields(request: &Map<String, Json>, allowed: &[&str]) -> Result<(), Refusal> {
    match request.keys().find(|k| !allowed.contains(&k.as_str())) {
        None => Ok(()),
        Some(key) => Err(bad(format!(
            "unknown field `{key}`; this kind of request takes {}",
            allowed.join(", ")
        ))),
    }
}

fn string_field<'r>(request: &'r Map<String, Json>, name: &str) -> Result<&'r str, Refusal> {
    match request.get(name) {
        Some(Json::String(s)) => Ok(s),
        None => Err(bad(format!("missing field `{name}`"))),
        Some(other) => Err(bad(format!(
            "`{name}` must be a string, not {}",
            kind_of(other)
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
        Server::new().handle(line.as_bytes())
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
        let handle = |line: &str| server.handle(line.as_bytes());
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
        let r = Server::new().handle(b"{\"id\": 1, \"code\": \"\xff\"}");
        assert_eq!((error_code(&r), &r["id"]), (BAD_REQUEST, &Json::Null));
    }
}
