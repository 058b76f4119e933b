//! Fault injection on the real binary: `index` killed at random moments of a rebuild and of a
//! first build, and an index whose permissions forbid reading or writing. After each fault the
//! next search must answer correctly, and no half-built generation may ever be live.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use common::{cmd, ids, stderr};

fn search(index: &Path, query: &str) -> Output {
    cmd()
        .arg("--index")
        .arg(index)
        .args(["--json", "search", query])
        .output()
        .unwrap()
}

/// The generations the pointers name, each checked to be complete: a half-built generation
/// must never be live.
fn live_generations(index: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(index) else {
        return Vec::new();
    };
    let mut live = Vec::new();
    for entry in entries {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !name.ends_with(".current") {
            continue;
        }
        let target = fs::read_to_string(index.join(&name)).unwrap();
        let generation = index.join(target.trim());
        for file in ["meta.json", "lexicon.json", "names.json"] {
            assert!(
                generation.join(file).is_file(),
                "{name} names {} without {file}",
                generation.display()
            );
        }
        let lexicon: serde_json::Value =
            serde_json::from_slice(&fs::read(generation.join("lexicon.json")).unwrap()).unwrap();
        assert_eq!(lexicon["documents"], 37, "{}", generation.display());
        live.push(generation);
    }
    live
}

/// SplitMix64, for the kill moments; the seed is printed so that a failure can be replayed
/// with `SENATE_KB_KILL_SEED`.
fn moments(count: usize, span: Duration) -> Vec<Duration> {
    let mut seed = std::env::var("SENATE_KB_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    eprintln!("kill moments: SENATE_KB_KILL_SEED={seed}, {count} over {span:?}");
    (0..count)
        .map(|i| {
            seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = seed;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            let unit = ((z ^ (z >> 31)) % 1000) as f64 / 1000.0;
            // One moment in each of `count` equal slices: spread over the whole span.
            span.mul_f64((i as f64 + unit) / count as f64)
        })
        .collect()
}

/// Starts `args` on `index`, kills it after `delay`, and waits for it.
fn kill_after(index: &Path, args: &[&str], delay: Duration) -> bool {
    let mut child = cmd()
        .arg("--index")
        .arg(index)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(delay);
    let killed = matches!(child.try_wait(), Ok(None));
    let _ = child.kill();
    child.wait().unwrap();
    killed
}

/// How long one `index` takes here, now (debug build, shared machine): the faster of two, so
/// that a first run of a freshly linked binary, slow while its pages are read in, does not
/// stretch the kills past the end of every build.
fn build_time(index: &Path) -> Duration {
    let once = || {
        let started = Instant::now();
        let out = cmd()
            .arg("--index")
            .arg(index)
            .arg("index")
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        started.elapsed()
    };
    once().min(once())
}

#[test]
fn index_killed_mid_rebuild_leaves_a_working_index() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    let took = build_time(&index);
    // Searches run all the while: each one must find Montana.
    let done = AtomicBool::new(false);
    let (mut killed, mut searches) = (0, 0);
    std::thread::scope(|s| {
        let searcher = s.spawn(|| {
            let mut n = 0;
            while !done.load(Ordering::Relaxed) {
                assert_eq!(ids(&search(&index, "Plagiat")), ["mt"], "search {n}");
                n += 1;
            }
            n
        });
        for (n, delay) in moments(20, took.mul_f64(1.2)).into_iter().enumerate() {
            killed += usize::from(kill_after(&index, &["index"], delay));
            let live = live_generations(&index);
            assert_eq!(live.len(), 1, "after kill {n} at {delay:?}: {live:?}");
            assert_eq!(
                ids(&search(&index, "Plagiat")),
                ["mt"],
                "after kill {n} at {delay:?}"
            );
        }
        done.store(true, Ordering::Relaxed);
        searches = searcher.join().unwrap();
    });
    eprintln!(
        "20 rebuilds interrupted over {:?} ({killed} killed while running), {searches} \
         searches meanwhile",
        took.mul_f64(1.2)
    );
    // Most kills must have hit a running build, or the test tested nothing.
    assert!(
        killed >= 10,
        "only {killed} of 20 kills hit a running build"
    );
}

#[test]
fn a_first_build_killed_leaves_no_live_index_or_a_whole_one() {
    let probe = tempfile::tempdir().unwrap();
    let took = build_time(&probe.path().join("index"));
    let mut killed = 0;
    for (n, delay) in moments(10, took.mul_f64(1.2)).into_iter().enumerate() {
        let tmp = tempfile::tempdir().unwrap();
        let index = tmp.path().join("index");
        // The first use builds the index: a search on a missing one, or `index`.
        let args: &[&str] = if n % 2 == 0 {
            &["search", "Plagiat"]
        } else {
            &["index"]
        };
        killed += usize::from(kill_after(&index, args, delay));
        let live = live_generations(&index);
        assert!(live.len() <= 1, "after kill {n} at {delay:?}: {live:?}");
        assert_eq!(
            ids(&search(&index, "Plagiat")),
            ["mt"],
            "after kill {n} at {delay:?}"
        );
        assert_eq!(live_generations(&index).len(), 1);
    }
    eprintln!("10 first builds interrupted ({killed} killed while running)");
    assert!(killed >= 5, "only {killed} of 10 kills hit a running build");
}

/// Whether file permissions stop this process (they do not for root).
fn permissions_apply() -> bool {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("probe");
    fs::write(&file, b"x").unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o000)).unwrap();
    fs::read(&file).is_err()
}

fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn missing_permissions_rebuild_or_name_the_path() {
    // A read-only index directory with a working index: searches need no write.
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    assert_eq!(ids(&search(&index, "Plagiat")), ["mt"]);
    chmod(&index, 0o555);
    assert_eq!(ids(&search(&index, "Plagiat")), ["mt"]);
    chmod(&index, 0o755);
    if !permissions_apply() {
        eprintln!(
            "note: running as root, where permissions do not stop reading or writing: the \
             unreadable and unwritable cases are skipped"
        );
        return;
    }
    // An unreadable generation, or one unreadable file of it: rebuilt beside it.
    let generation = live_generations(&index).remove(0);
    chmod(&generation.join("meta.json"), 0o000);
    assert_eq!(ids(&search(&index, "Plagiat")), ["mt"]);
    chmod(&generation, 0o000);
    assert_eq!(ids(&search(&index, "party:R outcome:gain")).len(), 9);
    chmod(&generation, 0o755);
    // A read-only directory without an index, and an unreadable one: a localized error that
    // names the path, exit 2.
    let empty = tmp.path().join("empty");
    fs::create_dir(&empty).unwrap();
    for mode in [0o555, 0o000] {
        chmod(&empty, mode);
        for (lang, words) in [
            ("en", "cannot build the search index in"),
            ("de", "kann nicht in"),
        ] {
            let out = cmd()
                .arg("--index")
                .arg(&empty)
                .args(["--lang", lang, "search", "Plagiat"])
                .output()
                .unwrap();
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "{mode:o} {lang}: {err}");
            assert!(err.contains(words), "{mode:o} {lang}: {err}");
            assert!(err.contains(empty.to_str().unwrap()), "{mode:o}: {err}");
        }
    }
    chmod(&empty, 0o755);
}
