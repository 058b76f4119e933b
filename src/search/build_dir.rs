//! The directory a new generation is built in: tantivy's `MmapDirectory`, except that no
//! writer waits for a sync while the build runs: each file tantivy finishes is synced by
//! threads in the background, and [`BuildDirectory::make_durable`] syncs what is left once
//! the build is done and waits for them.
//!
//! tantivy syncs every file as it finishes it, writes `meta.json` with a sync, and syncs the
//! directory on every commit: 34 syncs for the 1k-unit benchmark corpus, most of its build
//! time then, and some of them for files that a merge deletes a moment later. A generation is
//! read only after it has been renamed into place and the pointer names it (see
//! [`store`](super::store)), and that happens only after [`BuildDirectory::make_durable`], so
//! a crash during the build loses nothing but the build, as before. The background syncs
//! overlap with the rest of the build (the segment's other files, the vocabulary).

use std::collections::HashSet;
use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use tantivy::directory::error::{
    DeleteError, LockError, OpenDirectoryError, OpenReadError, OpenWriteError,
};
use tantivy::directory::{
    AntiCallToken, Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, TerminatingWrite,
    WatchCallback, WatchHandle, WritePtr,
};

/// See the module documentation.
#[derive(Clone)]
pub struct BuildDirectory {
    inner: MmapDirectory,
    root: PathBuf,
    syncer: Arc<Syncer>,
}

impl fmt::Debug for BuildDirectory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BuildDirectory({})", self.root.display())
    }
}

impl BuildDirectory {
    /// Opens an existing, empty directory.
    pub fn open(root: &Path) -> Result<BuildDirectory, OpenDirectoryError> {
        Ok(BuildDirectory {
            inner: MmapDirectory::open(root)?,
            root: root.to_path_buf(),
            syncer: Arc::new(Syncer::start()),
        })
    }

    /// Syncs every file in the directory that was not handed to the background threads
    /// yet, waits for them all, then syncs the directory itself.
    pub fn make_durable(&self) -> io::Result<()> {
        for entry in fs::read_dir(&self.root)? {
            let entry = entry?;
            if entry.file_type()?.is_file() && !self.syncer.handed(&entry.path()) {
                let path = entry.path();
                self.syncer.sync(path.clone(), File::open(path)?);
            }
        }
        self.syncer.finish()?;
        sync_dir(&self.root)
    }
}

/// Threads syncing files: a file's sync takes 0.2-0.5 ms on the benchmark VM, most of it
/// waiting for the disk, and several at once take less than one after the other (14 files of
/// a 10k-unit build: about 7 ms instead of 9).
const SYNC_THREADS: usize = 4;

/// The background threads that sync the files handed to them.
struct Syncer {
    queue: Mutex<Option<Sender<File>>>,
    handed: Mutex<HashSet<PathBuf>>,
    threads: Mutex<Vec<JoinHandle<io::Result<()>>>>,
}

impl Syncer {
    fn start() -> Syncer {
        let (queue, files) = channel::<File>();
        let files = Arc::new(Mutex::new(files));
        let threads = (0..SYNC_THREADS)
            .map(|_| {
                let files = Arc::clone(&files);
                std::thread::spawn(move || {
                    loop {
                        let next = match files.lock() {
                            Ok(files) => files.recv(),
                            Err(_) => return Err(failed()),
                        };
                        let Ok(file) = next else {
                            return Ok(());
                        };
                        file.sync_data()?;
                    }
                })
            })
            .collect();
        Syncer {
            queue: Mutex::new(Some(queue)),
            handed: Mutex::new(HashSet::new()),
            threads: Mutex::new(threads),
        }
    }

    /// Hands a finished file over. If every thread has stopped at an error, the file stays
    /// unsynced, and [`Syncer::finish`] reports the error.
    fn sync(&self, path: PathBuf, file: File) {
        if let Ok(mut handed) = self.handed.lock() {
            handed.insert(path);
        }
        if let Ok(queue) = self.queue.lock()
            && let Some(queue) = queue.as_ref()
        {
            let _ = queue.send(file);
        }
    }

    fn handed(&self, path: &Path) -> bool {
        self.handed.lock().is_ok_and(|handed| handed.contains(path))
    }

    /// Waits until every file handed over is synced.
    fn finish(&self) -> io::Result<()> {
        self.queue.lock().map_err(|_| failed())?.take();
        let threads = std::mem::take(&mut *self.threads.lock().map_err(|_| failed())?);
        let mut result = Ok(());
        for thread in threads {
            let synced = thread.join().unwrap_or_else(|_| Err(failed()));
            if result.is_ok() {
                result = synced;
            }
        }
        result
    }
}

fn failed() -> io::Error {
    io::Error::other("a syncing thread failed")
}

/// Syncs a directory's entries (a no-op where directories cannot be opened, as on Windows).
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    match File::open(dir) {
        Ok(handle) => handle.sync_data(),
        Err(_) if cfg!(windows) => Ok(()),
        Err(e) => Err(e),
    }
}

/// A file written without waiting for a sync: once finished, it goes to the [`Syncer`].
struct Unsynced {
    file: Option<File>,
    path: PathBuf,
    syncer: Arc<Syncer>,
}

impl Unsynced {
    fn file(&mut self) -> io::Result<&mut File> {
        self.file
            .as_mut()
            .ok_or_else(|| io::Error::other("written after it was finished"))
    }
}

impl Write for Unsynced {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file()?.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file()?.flush()
    }
}

impl TerminatingWrite for Unsynced {
    fn terminate_ref(&mut self, _: AntiCallToken) -> io::Result<()> {
        self.flush()?;
        if let Some(file) = self.file.take() {
            self.syncer.sync(self.path.clone(), file);
        }
        Ok(())
    }
}

impl Directory for BuildDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        let full = self.root.join(path);
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&full)
            .map_err(|e| match e.kind() {
                io::ErrorKind::AlreadyExists => OpenWriteError::FileAlreadyExists(path.into()),
                _ => OpenWriteError::wrap_io_error(e, path.into()),
            })?;
        Ok(BufWriter::new(Box::new(Unsynced {
            file: Some(file),
            path: full,
            syncer: Arc::clone(&self.syncer),
        })))
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        // Write beside, then rename over: readers of `meta.json` see the old or the new.
        let full = self.root.join(path);
        let mut name = full.file_name().unwrap_or_default().to_os_string();
        name.push(".tmp");
        let tmp = full.with_file_name(name);
        fs::write(&tmp, data)?;
        fs::rename(&tmp, &full)
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.inner.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }

    fn sync_directory(&self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `make_durable` hands every file of a build to the syncing threads, and waits for them:
    /// those tantivy finished (handed over as they were), those it left open, and those
    /// written atomically (`meta.json`) or beside tantivy's (`lexicon.json`), which no writer
    /// hands over.
    #[test]
    fn every_file_is_synced_once_the_build_is_durable() {
        let dir = tempfile::tempdir().unwrap();
        let directory = BuildDirectory::open(dir.path()).unwrap();
        let mut finished = directory.open_write(Path::new("a.idx")).unwrap();
        finished.write_all(b"finished").unwrap();
        finished.terminate().unwrap();
        assert!(directory.syncer.handed(&dir.path().join("a.idx")));
        let mut open = directory.open_write(Path::new("b.pos")).unwrap();
        open.write_all(b"left open").unwrap();
        open.flush().unwrap();
        directory
            .atomic_write(Path::new("meta.json"), b"{}")
            .unwrap();
        fs::write(dir.path().join("lexicon.json"), b"{}").unwrap();
        directory.make_durable().unwrap();
        let files: Vec<PathBuf> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(files.len(), 4, "{files:?}");
        for file in files {
            assert!(
                directory.syncer.handed(&file),
                "{} not synced",
                file.display()
            );
        }
    }
}
