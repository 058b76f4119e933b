//! What every handler shares ([`AppState`], behind an `Arc`): the knowledge base once it is
//! loaded and the search index once it is open ([`Ready`]), and the OpenAPI document.
//!
//! The index is opened once, exactly as the command line opens it (built first when missing
//! or stale), and shared through [`Engines`]: each search leases an engine over the same
//! opened index with analyzers of its own ([`crate::search::Engine::fork`]), so searches run
//! side by side without opening anything again. When `senate-kb index` makes a new
//! generation live, [`Engines::refresh`] (run every [`REFRESH_EVERY`]) opens it and new
//! searches go there; searches running meanwhile finish on the old one, which stays on disk
//! as long as an engine over it lives (its lock keeps garbage collection away, see
//! [`crate::search::index::store`]).

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock, PoisonError, RwLock};
use std::time::Duration;

use crate::error::Error;
use crate::kb::corpus::{Corpus, CorpusLocation};
use crate::kb::mentions::Mentions;
use crate::search::Engine;

/// How often the index's pointer is looked at for a new generation.
pub const REFRESH_EVERY: Duration = Duration::from_secs(1);

/// What the handlers share.
pub struct AppState {
    ready: OnceLock<Ready>,
}

/// The knowledge base, loaded, and the index, open: everything a handler answers from.
pub struct Ready {
    /// The corpus the races, people and stats come from.
    pub corpus: Corpus,
    /// Who is named where, derived once for `person` answers.
    pub mentions: Mentions,
    /// The search engines.
    pub engines: Engines,
}

impl AppState {
    /// A state that is not ready yet.
    pub fn new() -> AppState {
        AppState {
            ready: OnceLock::new(),
        }
    }

    /// Loads the corpus and opens (or builds) the index as the command line does. Blocks:
    /// run it off the async threads. The server is ready when it returns `Ok`.
    pub fn open(&self, corpus: &CorpusLocation, index: PathBuf) -> Result<(), Error> {
        let loaded = Corpus::load(corpus).map_err(Error::Corpus)?;
        let (engine, _) = Engine::open(&index, corpus)?;
        let ready = Ready {
            mentions: Mentions::of(&loaded),
            corpus: loaded,
            engines: Engines::new(engine, index, corpus.clone()),
        };
        // Opened once: a second call would be a bug, and keeps the first.
        let _ = self.ready.set(ready);
        Ok(())
    }

    /// Everything a handler answers from, once the index is open.
    pub fn ready(&self) -> Option<&Ready> {
        self.ready.get()
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new()
    }
}

/// The engines over the live generation of the index.
pub struct Engines {
    index: PathBuf,
    corpus: CorpusLocation,
    live: RwLock<Arc<Generation>>,
}

/// One opened generation: an engine to fork from and the idle engines of past searches.
struct Generation {
    seed: Mutex<Engine>,
    idle: Mutex<Vec<Engine>>,
}

impl Generation {
    fn new(engine: Engine) -> Arc<Generation> {
        Arc::new(Generation {
            seed: Mutex::new(engine),
            idle: Mutex::new(Vec::new()),
        })
    }
}

impl Engines {
    fn new(engine: Engine, index: PathBuf, corpus: CorpusLocation) -> Engines {
        Engines {
            index,
            corpus,
            live: RwLock::new(Generation::new(engine)),
        }
    }

    fn live(&self) -> Arc<Generation> {
        Arc::clone(&self.live.read().unwrap_or_else(PoisonError::into_inner))
    }

    /// An engine over the live generation for one search, given back when dropped.
    pub fn lease(&self) -> Lease {
        let generation = self.live();
        let idle = generation
            .idle
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop();
        let engine = idle.unwrap_or_else(|| {
            generation
                .seed
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .fork()
        });
        Lease {
            engine: Some(engine),
            generation,
        }
    }

    /// The name of the live generation's directory (for `/readyz`).
    pub fn generation(&self) -> String {
        let live = self.live();
        let seed = live.seed.lock().unwrap_or_else(PoisonError::into_inner);
        seed.path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// Number of documents in the live generation.
    pub fn documents(&self) -> u64 {
        let live = self.live();
        let seed = live.seed.lock().unwrap_or_else(PoisonError::into_inner);
        seed.documents()
    }

    /// Opens the index again when its pointer names another generation than the live one
    /// (`senate-kb index` ran); `Ok(true)` when it did. Blocks: run it off the async
    /// threads. On failure the old generation stays live.
    pub fn refresh(&self) -> Result<bool, Error> {
        let superseded = {
            let live = self.live();
            let seed = live.seed.lock().unwrap_or_else(PoisonError::into_inner);
            seed.superseded()
        };
        if !superseded {
            return Ok(false);
        }
        let (engine, _) = Engine::open(&self.index, &self.corpus)?;
        *self.live.write().unwrap_or_else(PoisonError::into_inner) = Generation::new(engine);
        Ok(true)
    }
}

/// An engine leased for one search; it goes back to its generation's idle engines when
/// dropped (and with the generation, when that is no longer live and nobody uses it).
pub struct Lease {
    engine: Option<Engine>,
    generation: Arc<Generation>,
}

impl std::ops::Deref for Lease {
    type Target = Engine;
    fn deref(&self) -> &Engine {
        self.engine.as_ref().expect("an engine until dropped")
    }
}

impl std::ops::DerefMut for Lease {
    fn deref_mut(&mut self) -> &mut Engine {
        self.engine.as_mut().expect("an engine until dropped")
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        if let Some(engine) = self.engine.take() {
            self.generation
                .idle
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(engine);
        }
    }
}
