//! The accept loop: each connection served by hyper's HTTP/1 with a header read timeout (a
//! slow client is cut off) and a bounded buffer (an oversized head is refused by hyper
//! itself), at most [`MAX_CONNECTIONS`] at once (the one over is answered 503 and closed at
//! once, so that memory stays bounded under any number of clients), and a graceful stop: on
//! the signal the listener closes, the requests in flight finish (for at most
//! [`STOP_GRACE`]), and idle connections are closed.
//!
//! This is axum's "serve with hyper" example rather than `axum::serve`, which sets none of
//! these bounds.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;

use super::error::ApiError;
use super::lang::with_l10n;
use crate::l10n::Lang;

/// Connections served at once.
pub const MAX_CONNECTIONS: usize = 2048;
/// How long a client may take to send a request's head.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(5);
/// The largest request head hyper reads (it answers a larger one itself).
pub const MAX_HEAD: usize = 64 * 1024;
/// How long the requests in flight may take to finish after the signal to stop.
pub const STOP_GRACE: Duration = Duration::from_secs(10);

/// Serves `app` on `listener` until `stop` completes, then stops gracefully; returns what
/// `stop` gave.
pub async fn serve<T>(listener: TcpListener, app: Router, stop: impl Future<Output = T>) -> T {
    let graceful = GracefulShutdown::new();
    let permits = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT)
        .max_buf_size(MAX_HEAD);
    let refusal: Arc<[u8]> = refusal().into();
    tokio::pin!(stop);
    let stopped = loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of file descriptors, or a connection reset before it was accepted:
                // wait a moment rather than spin.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            },
            stopped = &mut stop => break stopped,
        };
        let Ok(permit) = Arc::clone(&permits).try_acquire_owned() else {
            tokio::spawn(refuse(stream, Arc::clone(&refusal)));
            continue;
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            let _ = connection.await;
            drop(permit);
        });
    };
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(STOP_GRACE) => {}
    }
    stopped
}

/// The whole response to a connection over [`MAX_CONNECTIONS`]: 503 `overloaded`, in
/// English (no request has been read to negotiate from), and the connection closes.
fn refusal() -> Vec<u8> {
    let body = with_l10n(Lang::En, |l10n| ApiError::Overloaded.body(l10n));
    let mut response = format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json; charset=utf-8\r\n\
         content-language: en\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    response.extend_from_slice(&body);
    response
}

/// Answers a connection with the refusal and closes it, within a second whatever the client
/// does.
async fn refuse(mut stream: TcpStream, refusal: Arc<[u8]>) {
    let _ = tokio::time::timeout(Duration::from_secs(1), async {
        let _ = stream.write_all(&refusal).await;
        let _ = stream.shutdown().await;
    })
    .await;
}
