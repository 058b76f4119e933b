//! schemathesis (PyPI) against the running server's own OpenAPI document: every check that
//! applies (server errors, status codes, content types, headers, response bodies against
//! their schemas, schema-valid requests accepted, invalid ones rejected, undeclared methods
//! answered 405; see `tests/schemathesis.toml`), a fixed number of examples per route (`tests/schemathesis.toml`), a fixed
//! seed. Zero failures.
//!
//! When schemathesis is not installed the test says so and passes, except under CI (`CI`
//! set), where it fails: `.ci/run` installs it.

mod common;

use std::process::Command;

use common::index;
use common::server::Server;

/// The schemathesis command, if installed.
fn schemathesis() -> Option<Command> {
    let ok = Command::new("schemathesis")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    ok.then(|| Command::new("schemathesis"))
}

#[test]
fn schemathesis_finds_nothing() {
    let Some(mut command) = schemathesis() else {
        if std::env::var_os("CI").is_some() {
            panic!("schemathesis is not installed, and CI requires it (pip install schemathesis)");
        }
        eprintln!(
            "NOTICE: schemathesis is not installed: the OpenAPI conformance test is skipped \
             (pip install schemathesis to run it)"
        );
        return;
    };
    let server = Server::ready(index(), &[]);
    let config = common::root().join("tests/schemathesis.toml");
    let report = tempfile::tempdir().unwrap();
    let output = command
        .arg("--config-file")
        .arg(&config)
        .arg("run")
        .arg(format!("{}/api/openapi.json", server.base()))
        .args(["--seed", "26", "--no-color", "--workers", "2"])
        .args(["--request-timeout", "30"])
        .arg("--report-dir")
        .arg(report.path())
        .env("SCHEMATHESIS_HOOKS", "")
        // Its cache (`.schemathesis/`) goes to the temporary directory, not the checkout.
        .current_dir(report.path())
        .output()
        .expect("run schemathesis");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let tail: Vec<&str> = stdout.lines().rev().take(12).collect();
    eprintln!("{}", tail.into_iter().rev().collect::<Vec<_>>().join("\n"));
    assert!(
        output.status.success(),
        "schemathesis found failures:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // It tested every operation it selected, and selected every one but the document's
    // own route (whose answer has no schema to check).
    let operations = server.get("/api/openapi.json").json()["paths"]
        .as_object()
        .unwrap()
        .len();
    let selected = format!("Selected: {0}/{0}", operations - 1);
    let tested = format!("Tested: {}", operations - 1);
    assert!(
        stdout.contains(&selected) && stdout.contains(&tested),
        "not every operation tested ({selected}, {tested}):\n{stdout}"
    );
    // And the server is still well.
    assert_eq!(server.get("/healthz").status, 200);
}
