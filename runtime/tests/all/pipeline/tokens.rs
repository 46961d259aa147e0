//! `bytelogic tokens`: whole texts and streams.

use super::{run, start, temp_file};
use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::Duration;

const PARAGRAPH: &str = "Alice's grandchildren: <computation>\nREL parent\nREL grandparent\n\
    FACT parent alice bob\nFACT parent bob carol\n\
    RULE grandparent: SCAN parent MATCH $0, JOIN parent $0, EMIT grandparent $1 $2\nSOLVE\n\
    QUERY grandparent alice ?\n</computation>. Average: <COMPUTATION>RESULT (3 + 4) / 2\
    </Computation>. Broken: <computation>RESULT 1 / 0</computation>.\n";

#[test]
fn blocks_are_answered_in_order_and_a_failure_stops_nothing() {
    let expected = "Alice's grandchildren: <result>carol</result>. Average: <result>3.5</result>. \
                    Broken: <error>E201: division by zero: 1 / 0</error>.\n";
    let from_stdin = run(&["tokens"], PARAGRAPH.as_bytes());
    assert_eq!((from_stdin.code, from_stdin.stdout.as_str()), (0, expected));
    let file = temp_file("paragraph.txt", PARAGRAPH.as_bytes());
    let from_file = run(&["tokens", file.to_str().unwrap()], b"");
    assert_eq!(from_file.stdout, expected);
    let streamed = run(&["tokens", "--stream", "-"], PARAGRAPH.as_bytes());
    assert_eq!((streamed.code, streamed.stdout.as_str()), (0, expected));
}

#[test]
fn keep_appends_the_answer_after_the_block() {
    let done = run(
        &["tokens", "--keep"],
        b"a <computation>RESULT 1</computation> b",
    );
    assert_eq!(
        done.stdout,
        "a <computation>RESULT 1</computation><result>1</result> b"
    );
    let done = run(&["tokens", "--keep", "--stream"], b"<computation>RESULT 2");
    assert_eq!(
        done.stdout, "<computation>RESULT 2",
        "an unclosed block stays"
    );
}

#[test]
fn each_block_has_its_own_limits() {
    let spin = |n: u32| {
        format!(
            "<computation>CALC s\nLET $i = 0\nFOR WHILE $i < {n}\nLET $i = $i + 1\nEND\n\
             RESULT $i\nEND\nRESULT CALC s()</computation>"
        )
    };
    let text = format!("{} {} {}", spin(600), spin(600), spin(5000));
    let done = run(&["tokens", "--max-steps", "2000"], text.as_bytes());
    assert_eq!(done.code, 0);
    assert!(
        done.stdout
            .starts_with("<result>600</result> <result>600</result> <error>E401: "),
        "{}",
        done.stdout
    );
}

#[test]
fn non_utf8_input_is_a_usage_error() {
    for args in [vec!["tokens"], vec!["tokens", "--stream"]] {
        let done = run(&args, b"ok <computation>RESULT 1</computation> \xff");
        assert_eq!(done.code, 2, "{args:?}");
        assert!(done.stderr.contains("not UTF-8"), "{}", done.stderr);
    }
    assert_eq!(run(&["tokens", "/no/such/file"], b"").code, 2);
    assert_eq!(run(&["tokens", "--stream", "/no/such/file"], b"").code, 2);
}

#[test]
fn stream_writes_each_answer_before_the_input_ends() {
    let mut child = start(&["tokens", "--stream"]);
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 256];
        while let Ok(n @ 1..) = stdout.read(&mut buf) {
            if tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut received = Vec::new();
    let mut expect = |wanted: &str| {
        while received.len() < wanted.len() {
            match rx.recv_timeout(Duration::from_secs(20)) {
                Ok(bytes) => received.extend(bytes),
                Err(e) => panic!(
                    "waiting for {wanted:?}, got {:?}: {e}",
                    String::from_utf8_lossy(&received)
                ),
            }
        }
        assert_eq!(String::from_utf8_lossy(&received), wanted);
        received.clear();
    };
    stdin.write_all(b"Step one <comp").unwrap();
    stdin.flush().unwrap();
    expect("Step one ");
    stdin
        .write_all(b"utation>RESULT 6 * 7</computation> next")
        .unwrap();
    stdin.flush().unwrap();
    expect("<result>42</result> next");
    stdin
        .write_all("<computation>RESULT \"é\" + \"!\"</computation> <".as_bytes())
        .unwrap();
    stdin.flush().unwrap();
    expect("<result>é!</result> ");
    drop(stdin);
    expect("<");
    assert!(child.wait().expect("wait").success());
}
