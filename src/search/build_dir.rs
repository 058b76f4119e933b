//! The directory a new generation is built in: tantivy's `MmapDirectory`, except that nothing
//! is synced to disk while the build runs, and [`BuildDirectory::make_durable`] syncs what is
//! left once it is done.
//!
//! tantivy syncs every file as it finishes it, writes `meta.json` with a sync, and syncs the
//! directory on every commit: 34 syncs for the 1k-unit benchmark corpus, most of its build
//! time, and some of them for files that a merge deletes a moment later. A generation is
//! read only after it has been renamed into place and the pointer names it (see
//! [`store`](super::store)), and that happens only after [`BuildDirectory::make_durable`], so
//! a crash during the build loses nothing but the build, as before.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
        })
    }

    /// Syncs every file in the directory, then the directory itself.
    pub fn make_durable(root: &Path) -> io::Result<()> {
        for entry in fs::read_dir(root)? {
            let entry = entry?;
            if entry.file_type()?.is_file() {
                File::open(entry.path())?.sync_data()?;
            }
        }
        sync_dir(root)
    }
}

/// Syncs a directory's entries (a no-op where directories cannot be opened, as on Windows).
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    match File::open(dir) {
        Ok(handle) => handle.sync_data(),
        Err(_) if cfg!(windows) => Ok(()),
        Err(e) => Err(e),
    }
}

/// A file written without a sync at the end.
struct Unsynced(File);

impl Write for Unsynced {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

impl TerminatingWrite for Unsynced {
    fn terminate_ref(&mut self, _: AntiCallToken) -> io::Result<()> {
        self.0.flush()
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
        Ok(BufWriter::new(Box::new(Unsynced(file))))
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
