//! `bytelogic serve`: JSON lines in, one JSON line out for each, bad requests included.

use super::{run, start};
use serde_json::{Value as Json, json};
use std::io::{BufRead, BufReader, Read, Write};

/// The responses to `requests` (joined by line breaks), each parsed.
fn serve(requests: &[u8]) -> Vec<Json> {
    serve_with(&[], requests)
}

/// [`serve`] with the options `args` after `serve`.
fn serve_with(args: &[&str], requests: &[u8]) -> Vec<Json> {
    let done = run(&[&["serve"][..], args].concat(), requests);
    assert_eq!(done.code, 0, "{}", done.stderr);
    done.stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("each response is one JSON line"))
        .collect()
}

#[test]
fn requests_get_the_run_json_outcome_with_their_id() {
    let requests = concat!(
        r#"{"id": "q1", "code": "REL p\nFACT p a b\nSOLVE\nQUERY p a ?\nRESULT 7 / 2"}"#,
        "\n\n",
        r#"{"id": 2, "code": "RESULT 1 / 0", "limits": {"max_steps": 10}}"#,
        "\r\n",
        r#"{"id": 3, "kind": "tokens", "text": "x <computation>RESULT 2</computation>", "keep": true}"#,
    );
    let r = serve(requests.as_bytes());
    assert_eq!(r.len(), 3);
    assert_eq!(r[0]["id"], "q1");
    assert_eq!(r[0]["success"], true);
    assert_eq!(r[0]["query_results"], json!(["b", 3.5]));
    assert_eq!(r[0]["computation_token"], "<result>b; 3.5</result>");
    assert_eq!(
        r[0]["backend"], "interpreter",
        "a new program is interpreted"
    );
    for key in [
        "outputs",
        "diagnostics",
        "error",
        "backend",
        "stats",
        "result",
    ] {
        assert!(r[0].get(key).is_some(), "missing {key}");
    }
    assert_eq!(
        (&r[1]["id"], &r[1]["error"]["code"]),
        (&json!(2), &json!("E201"))
    );
    assert_eq!(
        r[2],
        json!({"id": 3, "success": true, "blocks": 1, "failed": 0,
               "text": "x <computation>RESULT 2</computation><result>2</result>"})
    );
}

#[test]
fn backend_names_are_those_of_the_command_line_and_null_when_nothing_ran() {
    let requests = concat!(
        r#"{"id": 1, "code": "RESULT 1", "backend": "interp"}"#,
        "\n",
        r#"{"id": 2, "code": "RESULT 1", "backend": "interpreter"}"#,
        "\n",
        r#"{"id": 3, "code": "QUERY nope ?", "backend": "wasm"}"#,
        "\n",
        r#"{"id": 4, "code": "RESULT 1", "backend": "Interp"}"#,
    );
    let r = serve(requests.as_bytes());
    assert_eq!(
        (&r[0]["backend"], &r[1]["backend"]),
        (&json!("interpreter"), &json!("interpreter"))
    );
    assert_eq!(
        (&r[2]["error"]["code"], &r[2]["backend"]),
        (&json!("E301"), &Json::Null)
    );
    assert_eq!(r[3]["error"]["code"], "bad_request");
}

#[test]
fn malformed_requests_get_error_responses_and_the_server_goes_on() {
    let mut requests = Vec::new();
    for line in [
        &b"{not json"[..],
        b"\x00\xff\xfe binary",
        b"42",
        br#"{"id": 5, "code": "RESULT 1", "inputs": {"r": [[1, {}]]}}"#,
        br#"{"id": 6, "code": "RESULT 1", "limits": {"max_steps": "many"}}"#,
        br#"{"id": 7, "kind": "tokens"}"#,
        br#"{"id": 8, "code": "RESULT 1"}"#,
    ] {
        requests.extend_from_slice(line);
        requests.push(b'\n');
    }
    let r = serve(&requests);
    let codes: Vec<(&Json, &Json)> = r.iter().map(|r| (&r["id"], &r["error"]["code"])).collect();
    assert_eq!(
        codes,
        [
            (&Json::Null, &json!("bad_request")),
            (&Json::Null, &json!("bad_request")),
            (&Json::Null, &json!("bad_request")),
            (&json!(5), &json!("bad_request")),
            (&json!(6), &json!("bad_request")),
            (&json!(7), &json!("bad_request")),
            (&json!(8), &Json::Null),
        ]
    );
    assert_eq!(r[6]["computation_token"], "<result>1</result>");
}

/// The responses of `serve --jobs JOBS` to a slow first request (a CALC loop of
/// `iterations`, interpreted) and `quick` requests `RESULT id * 2` behind it.
fn slow_then_quick(jobs: &str, iterations: u32, quick: i64) -> Vec<Json> {
    let spin = format!(
        "CALC s\\nLET $i = 0\\nFOR WHILE $i < {iterations}\\nLET $i = $i + 1\\nEND\\nRESULT $i\\nEND\\nRESULT CALC s()"
    );
    let mut requests = format!(r#"{{"id": 0, "code": "{spin}", "backend": "interpreter"}}"#);
    for id in 1..=quick {
        requests += &format!("\n{{\"id\": {id}, \"code\": \"RESULT {id} * 2\"}}");
    }
    let r = serve_with(&["--jobs", jobs], requests.as_bytes());
    let ids: Vec<i64> = r.iter().filter_map(|r| r["id"].as_i64()).collect();
    assert_eq!(
        ids,
        (0..=quick).collect::<Vec<_>>(),
        "every response, in order"
    );
    assert_eq!(r[0]["result"], iterations.to_string());
    assert!((1..=quick as usize).all(|i| r[i]["result"] == json!((2 * i).to_string())));
    r
}

#[test]
fn concurrent_workers_answer_in_request_order() {
    // On three workers, the quick requests are answered while the slow one runs, and
    // written after it, in order.
    slow_then_quick("3", 200_000, 39);
    // Zero workers is a usage error.
    assert_eq!(run(&["serve", "--jobs", "0"], b"").code, 2);
}

#[test]
fn each_response_is_written_before_the_input_ends() {
    for jobs in ["1", "2"] {
        let mut child = start(&["serve", "--jobs", jobs]);
        let mut stdin = child.stdin.take().expect("stdin");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        for id in 0..3 {
            writeln!(stdin, r#"{{"id": {id}, "code": "RESULT {id} + 1"}}"#).unwrap();
            stdin.flush().unwrap();
            let mut line = String::new();
            stdout
                .read_line(&mut line)
                .expect("a response while the input is open");
            let r: Json = serde_json::from_str(&line).expect("one JSON line");
            assert_eq!(
                (&r["id"], &r["result"]),
                (&json!(id), &json!((id + 1).to_string()))
            );
        }
        drop(stdin);
        assert!(child.wait().expect("serve exits").success());
    }
}

#[test]
fn a_slow_request_holds_back_more_than_the_window_in_order() {
    // More quick requests behind a slow one than the server reads ahead (1,024): the
    // workers wait for room, and every response still comes, in order.
    slow_then_quick("2", 300_000, 1499);
}

#[test]
fn a_client_that_writes_every_request_before_reading_gets_every_answer() {
    // 1,500 requests (~90 bytes each): more than the pipes hold (64 KiB each way) once
    // the output is full (~200 responses of ~330 bytes), but within the window (1,024
    // requests ahead of the last response written): the workers go on reading and
    // answering while standard output waits for the client.
    let mut child = start(&["serve", "--jobs", "2"]);
    let id = child.id();
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(60));
        let _ = std::process::Command::new("kill")
            .args(["-9", &id.to_string()])
            .status();
    });
    let mut stdin = child.stdin.take().expect("stdin");
    for id in 0..1500 {
        writeln!(
            stdin,
            r#"{{"id": {id}, "code": "REL p\nFACT p {id} padding\nSOLVE\nQUERY p ? ?"}}"#
        )
        .expect("serve reads while its output waits");
    }
    drop(stdin);
    let mut out = String::new();
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_string(&mut out)
        .expect("read");
    assert!(child.wait().expect("serve exits").success());
    let ids: Vec<i64> = out
        .lines()
        .map(|line| serde_json::from_str::<Json>(line).expect("one JSON line")["id"].as_i64())
        .collect::<Option<_>>()
        .expect("every response has its id");
    assert_eq!(ids, (0..1500).collect::<Vec<_>>());
}

/// Its response without what may differ between two runs of one program: the id, the
/// time and the tier that answered.
fn answer(response: &Json) -> Json {
    let mut answer = response.clone();
    let map = answer.as_object_mut().expect("an object");
    map.remove("id");
    map.remove("backend");
    map["stats"]["time_us"] = json!(0);
    answer
}

#[test]
fn a_program_sent_again_gets_the_same_answer_whatever_auto_kept() {
    // A warning, outputs and a runtime error; then a program whose front end takes
    // more than 1 MiB, sent until it is kept, then under a 1 MiB limit (E405).
    let warned = json!("REL e\nFACT e 1 2\nQUERY e ? ?\nSOLVE\nQUERY e ? ?\nRESULT 1 / 0");
    let large = json!(format!("RESULT 0{}", " + 1".repeat(4_000)));
    let mut requests = String::new();
    for id in 0..40 {
        requests += &format!("{}\n", json!({"id": id, "code": warned}));
    }
    requests += &format!(
        "{}\n",
        json!({"id": 40, "code": warned, "backend": "interpreter"})
    );
    for id in 41..44 {
        requests += &format!("{}\n", json!({"id": id, "code": large}));
    }
    let small = json!({"max_memory_mb": 1});
    requests += &format!("{}\n", json!({"id": 44, "code": large, "limits": small}));
    requests += &format!(
        "{}\n",
        json!({"id": 45, "code": large, "limits": small, "backend": "interpreter"})
    );
    let r = serve_with(&["--jobs", "2"], requests.as_bytes());
    assert_eq!(r.len(), 46);
    assert_eq!(r[40]["diagnostics"][0]["code"], "W002", "{}", r[40]);
    for response in &r[..40] {
        assert_eq!(answer(response), answer(&r[40]));
    }
    assert_eq!(r[43]["success"], true, "{}", r[43]);
    assert_eq!(r[45]["error"]["code"], "E405", "{}", r[45]);
    assert_eq!(answer(&r[44]), answer(&r[45]));
}
