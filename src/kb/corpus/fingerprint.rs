//! The fingerprint of a set of files: FNV-1a (the `fnv` crate) over each file's path, a NUL,
//! its bytes and a NUL, in order of path. The search index is keyed by the corpus's (a change
//! to any file makes a new index), and `build.rs` computes the embedded corpus's and locales'
//! with this same file (it includes it by path), so nothing here may use the rest of the crate.

use std::hash::Hasher;

/// The fingerprint of `files` (path, bytes), given in any order.
pub fn of<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> u64 {
    let mut files: Vec<(&str, &[u8])> = files.into_iter().collect();
    files.sort_unstable();
    let mut hasher = fnv::FnvHasher::default();
    for (path, bytes) in files {
        hasher.write(path.as_bytes());
        hasher.write(&[0]);
        hasher.write(bytes);
        hasher.write(&[0]);
    }
    hasher.finish()
}
