//! The real `senate-kb serve` for the HTTP tests: started on a free loopback port (read from
//! its start line), asked over HTTP with ureq or over a raw socket, and always stopped: the
//! guard kills the process when it is dropped, also when the test fails.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, ExitStatus, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::cmd;

/// A running server, killed when dropped.
pub struct Server {
    child: Child,
    /// The port it listens on.
    pub port: u16,
    /// The line it started with.
    pub start_line: String,
    /// Everything it wrote on stderr so far.
    stderr: Arc<Mutex<String>>,
    agent: ureq::Agent,
}

/// A response, read whole.
pub struct Reply {
    /// The status code.
    pub status: u16,
    /// The headers, names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body (decompressed).
    pub body: String,
}

impl Reply {
    /// The first value of a header.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a header, joined with `, `.
    pub fn header_all(&self, name: &str) -> String {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {:.300}", self.body))
    }

    /// The `code` of an error body.
    pub fn code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or_else(|| panic!("no error code: {:.300}", self.body))
            .to_string()
    }
}

impl Server {
    /// Starts `senate-kb serve --addr 127.0.0.1:0 --index <index>` with `args` before
    /// `serve` and a clean environment, and waits for its start line.
    pub fn start(index: &Path, args: &[&str]) -> Server {
        Server::start_with(index, args, &[])
    }

    /// As [`Server::start`], with environment variables.
    pub fn start_with(index: &Path, args: &[&str], env: &[(&str, &str)]) -> Server {
        let mut command = cmd();
        command
            .arg("--index")
            .arg(index)
            .args(args)
            .args(["serve", "--addr", "127.0.0.1:0"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("start senate-kb serve");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            let _ = tx.send(lines.next());
            // Keep reading so that the server never blocks on a full pipe.
            for _ in lines {}
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&stderr);
        let mut err = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = err.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let mut server = Server {
            child,
            port: 0,
            start_line: String::new(),
            stderr,
            agent,
        };
        let line = match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(Some(Ok(line))) => line,
            other => panic!(
                "no start line ({other:?}); stderr: {}",
                server.stderr_text()
            ),
        };
        server.port = port_of(&line).unwrap_or_else(|| panic!("no port in {line:?}"));
        server.start_line = line;
        server
    }

    /// Starts a server and waits until it is ready.
    pub fn ready(index: &Path, args: &[&str]) -> Server {
        let server = Server::start(index, args);
        server.wait_ready();
        server
    }

    /// Waits (up to a minute) until `/readyz` answers 200.
    pub fn wait_ready(&self) {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(60) {
            if self.get("/readyz").status == 200 {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("not ready after a minute; stderr: {}", self.stderr_text());
    }

    /// `http://127.0.0.1:<port>`.
    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// GET `path` (with its query string, already encoded).
    pub fn get(&self, path: &str) -> Reply {
        self.get_with(path, &[])
    }

    /// GET `path` with headers.
    pub fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Reply {
        let url = format!("{}{path}", self.base());
        let mut request = self.agent.get(&url);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let mut response = request
            .call()
            .unwrap_or_else(|e| panic!("GET {path:.200}: {e}"));
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_string(),
                    v.to_str().unwrap_or("<not text>").to_string(),
                )
            })
            .collect();
        let body = response
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_string()
            .unwrap_or_else(|e| panic!("GET {path:.200}: body: {e}"));
        Reply {
            status,
            headers,
            body,
        }
    }

    /// Sends raw bytes on a new connection and reads until the server closes it or `wait`
    /// passes: the whole response as text (lossy), empty when nothing came.
    pub fn raw(&self, request: &[u8], wait: Duration) -> String {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(wait)).unwrap();
        // The server may close before it has read everything (a limit): not an error here.
        let _ = stream.write_all(request);
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        String::from_utf8_lossy(&response).into_owned()
    }

    /// What the server wrote on stderr so far.
    pub fn stderr_text(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Sends SIGTERM and waits (up to `within`) for the process to end.
    pub fn terminate(&mut self, within: Duration) -> Option<ExitStatus> {
        let status = std::process::Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -TERM failed");
        self.wait_exit(within)
    }

    /// Waits (up to `within`) for the process to end.
    pub fn wait_exit(&mut self, within: Duration) -> Option<ExitStatus> {
        let started = Instant::now();
        while started.elapsed() < within {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The port of the URL in a start line (`… http://127.0.0.1:PORT`).
pub fn port_of(line: &str) -> Option<u16> {
    let at = line.find("http://127.0.0.1:")? + "http://127.0.0.1:".len();
    let digits: String = line[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Percent-encodes every byte but the unreserved ones (RFC 3986), as a client must.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 3);
    for &b in bytes {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Percent-encodes text.
pub fn enc(text: &str) -> String {
    encode(text.as_bytes())
}
