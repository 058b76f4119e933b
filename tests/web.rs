//! The web pages in a real browser: starts the real binary (`serve --addr 127.0.0.1:0`, a
//! temporary index), then `tests/browser/pages.mjs` under node's test runner, which drives
//! Debian's Chromium headless through playwright-core (the scenarios are listed there), and
//! stops both, also when a scenario fails or hangs (the browser and node as one process
//! group). The screenshots go to `target/…/tmp/web-screenshots/`.
//!
//! Chromium, node and the npm packages (`tests/browser`, `npm ci`) are not everywhere: when
//! one is missing the test says which and how to install it, and passes; with `CI` set (as
//! `.ci/run` sets it, after installing them) it fails instead.

mod common;

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long the browser's scenarios may take in all.
const BROWSER_TIMEOUT: Duration = Duration::from_secs(420);
/// How long the server may take to open (and build) its index.
const READY_TIMEOUT: Duration = Duration::from_secs(120);

/// What the browser test needs, found.
struct Tools {
    chromium: PathBuf,
    node: PathBuf,
}

fn browser_dir() -> PathBuf {
    common::root().join("tests/browser")
}

/// Chromium, node and the npm packages; `Err` names what is missing.
fn tools() -> Result<Tools, String> {
    let on_path = |name: &str| {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|dir| dir.join(name))
                .find(|p| p.is_file())
        })
    };
    let chromium = std::env::var_os("SENATE_KB_CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| on_path("chromium"))
        .or_else(|| on_path("chromium-browser"));
    let node = on_path("node");
    let mut missing = Vec::new();
    if chromium.is_none() {
        missing.push("Chromium (apt-get install chromium, or SENATE_KB_CHROMIUM=/path)");
    }
    if node.is_none() {
        missing.push("node (apt-get install nodejs)");
    }
    for package in ["playwright-core", "axe-core"] {
        if !browser_dir()
            .join("node_modules")
            .join(package)
            .join("package.json")
            .is_file()
        {
            missing.push("the npm packages (cd tests/browser && npm ci)");
            break;
        }
    }
    match (chromium, node) {
        (Some(chromium), Some(node)) if missing.is_empty() => Ok(Tools { chromium, node }),
        _ => Err(missing.join("; ")),
    }
}

/// A child process (and, for a group leader, its group) ended when dropped.
struct Running {
    child: Child,
    group: bool,
}

impl Drop for Running {
    fn drop(&mut self) {
        if self.group {
            // node and the browser it started: the whole group, by its id.
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", self.child.id())])
                .stderr(Stdio::null())
                .status();
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the server on a free loopback port; its URL once `/readyz` says it is ready.
fn start_server(index: &Path) -> (Running, String) {
    let mut child = common::cmd()
        .args(["--lang", "en", "--index"])
        .arg(index)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start senate-kb serve");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let server = Running {
        child,
        group: false,
    };
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no URL in the start line {line:?}"))
        .to_string();
    let start = Instant::now();
    loop {
        if ureq::get(&format!("{url}/readyz")).call().is_ok() {
            break;
        }
        assert!(
            start.elapsed() < READY_TIMEOUT,
            "the server never got ready"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    (server, url)
}

#[test]
fn pages_in_a_real_browser() {
    let tools = match tools() {
        Ok(tools) => tools,
        Err(missing) if std::env::var_os("CI").is_some_and(|v| !v.is_empty()) => {
            panic!("CI is set and the browser test cannot run: missing {missing}")
        }
        Err(missing) => {
            eprintln!(
                "NOTICE: the web pages' browser test did not run: missing {missing}. \
                 It runs under cargo test once they are installed (.ci/run installs them)."
            );
            return;
        }
    };
    let index = tempfile::tempdir().unwrap();
    let (_server, url) = start_server(&index.path().join("index"));
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("web-screenshots");
    let mut command = Command::new(&tools.node);
    command
        .arg("--test")
        .arg("--test-reporter=spec")
        .arg("pages.mjs")
        .current_dir(browser_dir())
        .env("SENATE_KB_URL", &url)
        .env("SENATE_KB_CHROMIUM", &tools.chromium)
        .env("SENATE_KB_SCREENSHOTS", &shots)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let mut node = Running {
        child: command.spawn().expect("start node"),
        group: true,
    };
    let read = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = pipe.read_to_string(&mut text);
            text
        })
    };
    let stdout = read(Box::new(node.child.stdout.take().unwrap()));
    let stderr = read(Box::new(node.child.stderr.take().unwrap()));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = node.child.try_wait().unwrap() {
            break Some(status);
        }
        if start.elapsed() > BROWSER_TIMEOUT {
            break None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    // Ends the browser too if it outlived node, and lets the pipes close.
    drop(node);
    let output = format!(
        "{}{}",
        stdout.join().unwrap_or_default(),
        stderr.join().unwrap_or_default()
    );
    eprintln!("{output}");
    eprintln!("screenshots: {}", shots.display());
    match status {
        None => panic!("the browser's scenarios took longer than {BROWSER_TIMEOUT:?}"),
        Some(status) => assert!(status.success(), "a browser scenario failed (above)"),
    }
}
