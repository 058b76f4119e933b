//! Where the index lives and how it is kept fresh, whole and safe to share.
//!
//! Layout of the index directory:
//!
//! ```text
//! index/
//!   <key>.current        name of the live generation for this key (replaced atomically)
//!   <key>-<generation>/  a complete tantivy index plus lexicon.json and names.json
//!   .build-<unique>/     a build in progress (never read)
//! ```
//!
//! The key is a fingerprint of the corpus files, the locale files (summaries are stored
//! rendered), the compound dictionary and the analyzer and schema versions: any change makes
//! a new key, so a stale index is never opened. A build happens in a `.build-*` directory
//! beside the live index (tantivy's `MmapDirectory`), is renamed into place once complete and
//! on disk (every file synced, then the directory), and only then does the pointer file change
//! (write a temporary file, sync it, rename it over the old one). Readers follow the
//! pointer, so they see the old generation or the new one, never half of one. Old
//! generations are removed a while after nobody points to them. Several processes building at
//! once each build their own generation; the last pointer wins and every one of them succeeds.
//!
//! A reader holds a shared lock (`flock`) on its generation's directory for as long as it has
//! it open ([`Opened`] keeps it), and garbage collection removes a generation only under an
//! exclusive lock it gets without waiting: a long-lived reader (`serve`) keeps its generation
//! however long ago the pointer moved on. The grace period still covers a reader between
//! reading the pointer and taking its lock.

use std::fs;
use std::hash::Hasher;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

use fs4::fs_std::FileExt;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy};

use crate::kb::corpus::{ConceptId, Person, State};
use crate::search::analysis;
use crate::search::index::schema::{self, Fields};
use crate::search::index::writer;

/// Bump when the schema or the stored data changes.
const SCHEMA_VERSION: u32 = 9;

/// How long an unreferenced generation is kept for readers that just read the old pointer.
const GRACE: Duration = Duration::from_secs(60);

/// How many keys (corpus and program versions) keep their index.
const KEEP_KEYS: usize = 4;

/// How long a `.build-*` directory may sit before it counts as left behind by a killed build.
const ABANDONED: Duration = Duration::from_secs(600);

/// What every search needs besides the index, stored beside it so a search never has to load
/// and validate the corpus (`lexicon.json`, read on open).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Lexicon {
    /// The key this generation was built for.
    pub key: String,
    /// Number of documents in the index, checked on open.
    pub documents: u64,
    /// The glossary, each form already analyzed: per term, per language (German, English),
    /// the stemmed token sequence of each form.
    pub glossary: Vec<[Vec<Vec<String>>; 2]>,
    /// FNV-1a of `names.json`, checked on open: a damaged `names.json` makes the generation
    /// damaged (and rebuilt) instead of failing every filter search later.
    pub names_hash: u64,
}

/// The people and states, the words of the facts' concepts and of people's names: what a
/// query is understood by and its `person:` and `state:` filters are resolved with
/// (`names.json`, read on a search's first use).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Names {
    /// Every person, as stored: parsed on first use ([`Names::people`]), since most queries
    /// name nobody and the people are half of the file.
    #[serde(rename = "people")]
    people_json: Box<RawValue>,
    /// Every person, parsed.
    #[serde(skip)]
    people: OnceLock<Result<Vec<Person>, String>>,
    /// Every state.
    pub states: Vec<State>,
    /// Per state, in the order of `states`: what a `state:` value is compared with, folded
    /// (see `compile::state_keys`), so that a search does not fold every state's names again.
    pub state_keys: Vec<Vec<String>>,
    /// Per state, in the order of `states`: every spelling of its name
    /// ([`crate::kb::knowledge::spellings`]) as a query's words are compared with it: folded,
    /// German-normalized and written together (`suddakota`).
    pub state_spellings: Vec<Vec<String>>,
    /// The words of each concept of the facts, both languages, folded the same way (words of a
    /// phrase joined by a space): what tells a query's shape.
    pub concepts: Vec<(ConceptId, Vec<String>)>,
    /// Every word of every person's names, folded as names are, sorted: the words that are
    /// matched as typed.
    pub name_words: Vec<String>,
}

impl Names {
    /// The names of a corpus's people and states, as stored (see the fields).
    pub fn new(
        people: &[Person],
        states: Vec<State>,
        state_keys: Vec<Vec<String>>,
        state_spellings: Vec<Vec<String>>,
        concepts: Vec<(ConceptId, Vec<String>)>,
        name_words: Vec<String>,
    ) -> Result<Names, serde_json::Error> {
        Ok(Names {
            people_json: serde_json::value::to_raw_value(people)?,
            people: OnceLock::new(),
            states,
            state_keys,
            state_spellings,
            concepts,
            name_words,
        })
    }

    /// Every person.
    pub fn people(&self) -> Result<&[Person], String> {
        self.people
            .get_or_init(|| {
                serde_json::from_str(self.people_json.get())
                    .map_err(|e| format!("names.json: people: {e}"))
            })
            .as_deref()
            .map_err(Clone::clone)
    }

    /// The state (its postal code, lower case) one of whose spellings is `joined`.
    pub fn state_of(&self, joined: &str) -> Option<String> {
        self.state_spellings
            .iter()
            .position(|spellings| spellings.iter().any(|s| s == joined))
            .map(|i| self.states[i].code.to_lowercase())
    }

    /// The folded words of a concept.
    pub fn concept_words(&self, concept: ConceptId) -> &[String] {
        self.concepts
            .iter()
            .find(|(c, _)| *c == concept)
            .map_or(&[], |(_, words)| words)
    }
}

/// An opened, searchable index.
pub struct Opened {
    /// The tantivy index, with our analyzers registered.
    pub index: Index,
    /// Its reader.
    pub reader: IndexReader,
    /// The schema's fields.
    pub fields: Fields,
    /// The glossary and the document count.
    pub lexicon: Lexicon,
    /// `names.json` as read (and checked) on open.
    names_json: Vec<u8>,
    /// People and states, parsed on first use.
    names: OnceLock<Result<Names, String>>,
    /// The generation directory.
    pub path: PathBuf,
    /// The generation directory opened, with a shared lock on it: garbage collection leaves
    /// the generation alone while this is held (see the module).
    _pin: fs::File,
}

impl Opened {
    /// The people and states stored with this generation.
    pub fn names(&self) -> Result<&Names, String> {
        self.names
            .get_or_init(|| {
                let names: Names =
                    serde_json::from_slice(&self.names_json).map_err(|e| e.to_string())?;
                let states = names.states.len();
                if names.state_keys.len() != states || names.state_spellings.len() != states {
                    return Err(format!(
                        "names.json: {states} states but {} sets of state keys and {} of \
                         spellings",
                        names.state_keys.len(),
                        names.state_spellings.len()
                    ));
                }
                Ok(names)
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// Why an index could not be opened (then it is rebuilt).
#[derive(Debug)]
pub enum OpenError {
    /// No index for this key yet.
    Missing,
    /// Something is wrong with it.
    Corrupt(String),
}

/// Why an index could not be built.
#[derive(Debug)]
pub struct BuildError {
    /// The path that failed.
    pub path: PathBuf,
    /// What went wrong.
    pub error: String,
}

/// FNV-1a (the `fnv` crate) over byte strings one after another: the same hash as the corpus
/// fingerprint.
fn fnv<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> u64 {
    let mut hasher = fnv::FnvHasher::default();
    for part in parts {
        hasher.write(part);
    }
    hasher.finish()
}

/// The index key for a corpus fingerprint.
pub fn key(corpus_fingerprint: u64) -> String {
    let h = fnv([
        &corpus_fingerprint.to_le_bytes()[..],
        // The summaries stored in the index are rendered from the locales.
        &crate::embedded::LOCALES_FINGERPRINT.to_le_bytes(),
        crate::search::analysis::compounds::DICTIONARY.as_bytes(),
        &analysis::ANALYZER_VERSION.to_le_bytes(),
        &SCHEMA_VERSION.to_le_bytes(),
        env!("CARGO_PKG_VERSION").as_bytes(),
    ]);
    format!("{h:016x}")
}

fn pointer_path(dir: &Path, key: &str) -> PathBuf {
    dir.join(format!("{key}.current"))
}

/// A name no other process uses at the same moment.
fn unique() -> String {
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{:x}{:08x}", std::process::id(), nanos as u64)
}

/// The name of the generation the pointer for `key` names, if any: to see whether an open
/// generation is still the live one.
pub fn live(dir: &Path, key: &str) -> Option<String> {
    let text = fs::read_to_string(pointer_path(dir, key)).ok()?;
    Some(text.trim().to_string())
}

/// Takes a shared lock on a generation's directory, for as long as the returned file is
/// open. Fails when garbage collection is removing the generation.
fn pin(path: &Path) -> Result<fs::File, String> {
    let dir = fs::File::open(path).map_err(|e| e.to_string())?;
    match FileExt::try_lock_shared(&dir) {
        Ok(true) => Ok(dir),
        Ok(false) => Err("generation being removed".into()),
        Err(e) => Err(e.to_string()),
    }
}

/// Takes an exclusive lock on a generation's directory, without waiting: `None` while a
/// reader holds it (see [`pin`]).
fn claim(path: &Path) -> Option<fs::File> {
    let dir = fs::File::open(path).ok()?;
    FileExt::try_lock_exclusive(&dir).ok()?.then_some(dir)
}

/// Opens the live generation for `key`.
pub fn open(dir: &Path, key: &str) -> Result<Opened, OpenError> {
    let pointer = match fs::read_to_string(pointer_path(dir, key)) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(OpenError::Missing),
        Err(e) if e.kind() == io::ErrorKind::NotADirectory => return Err(OpenError::Missing),
        Err(e) => return Err(OpenError::Corrupt(e.to_string())),
    };
    let name = pointer.trim();
    let valid =
        name.starts_with(key) && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !valid {
        return Err(OpenError::Corrupt("bad pointer".into()));
    }
    open_generation(&dir.join(name), key).map_err(OpenError::Corrupt)
}

fn open_generation(path: &Path, key: &str) -> Result<Opened, String> {
    let pin = pin(path)?;
    let lexicon: Lexicon = fs::read(path.join("lexicon.json"))
        .map_err(|e| e.to_string())
        .and_then(|bytes| serde_json::from_slice(&bytes).map_err(|e| e.to_string()))?;
    if lexicon.key != key {
        return Err("lexicon of another key".into());
    }
    // Read now, parsed only when a filter needs it: a search without filters stays lean.
    let names_json = fs::read(path.join("names.json")).map_err(|e| e.to_string())?;
    if fnv([names_json.as_slice()]) != lexicon.names_hash {
        return Err("names.json damaged".into());
    }
    let index = Index::open_in_dir(path).map_err(|e| e.to_string())?;
    analysis::register(&index);
    let damaged = index.validate_checksum().map_err(|e| e.to_string())?;
    if !damaged.is_empty() {
        return Err(format!("{} damaged files", damaged.len()));
    }
    let fields = Fields::from_schema(&index.schema()).map_err(|e| e.to_string())?;
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(|e: tantivy::TantivyError| e.to_string())?;
    if reader.searcher().num_docs() != lexicon.documents {
        return Err("document count differs".into());
    }
    Ok(Opened {
        index,
        reader,
        fields,
        lexicon,
        names_json,
        names: OnceLock::new(),
        path: path.to_path_buf(),
        _pin: pin,
    })
}

/// Builds a new generation with `fill`, given a writer of `threads` indexing threads, and
/// makes it live. Returns it opened.
pub fn build(
    dir: &Path,
    key: &str,
    lexicon: Lexicon,
    names: &Names,
    threads: usize,
    fill: impl FnOnce(&mut IndexWriter, &Fields) -> tantivy::Result<u64>,
) -> Result<Opened, BuildError> {
    fs::create_dir_all(dir).map_err(|e| failed(dir, &e))?;
    let tmp = dir.join(format!(".build-{}", unique()));
    fs::create_dir(&tmp).map_err(|e| failed(&tmp, &e))?;
    let result = write_generation(&tmp, lexicon, names, threads, fill)
        .and_then(|()| make_live(dir, key, &tmp))
        .and_then(|live| open_generation(&live, key).map_err(|e| failed(&live, &e)));
    if result.is_err() {
        let _ = fs::remove_dir_all(&tmp);
    }
    collect_garbage(dir);
    result
}

fn failed(path: &Path, error: &dyn std::fmt::Display) -> BuildError {
    BuildError {
        path: path.to_path_buf(),
        error: error.to_string(),
    }
}

/// Writes a whole generation into `tmp`, an empty directory: the tantivy index, then
/// `names.json` and `lexicon.json`; every file and the directory synced.
fn write_generation(
    tmp: &Path,
    lexicon: Lexicon,
    names: &Names,
    threads: usize,
    fill: impl FnOnce(&mut IndexWriter, &Fields) -> tantivy::Result<u64>,
) -> Result<(), BuildError> {
    let (schema, fields) = schema::schema();
    // tantivy's directory syncs every file as it finishes it, and writes `meta.json` and
    // `.managed.json` synced too; its lock files stay empty.
    let index = Index::create_in_dir(tmp, schema).map_err(|e| failed(tmp, &e))?;
    analysis::register(&index);
    let documents = writer::write(&index, threads, |writer| fill(writer, &fields))
        .map_err(|e| failed(tmp, &e))?;
    let json = serde_json::to_vec(names).map_err(|e| failed(tmp, &e))?;
    write_file(&tmp.join("names.json"), &json)?;
    let lexicon = Lexicon {
        documents,
        names_hash: fnv([json.as_slice()]),
        ..lexicon
    };
    let json = serde_json::to_vec(&lexicon).map_err(|e| failed(tmp, &e))?;
    write_file(&tmp.join("lexicon.json"), &json)?;
    sync_dir(tmp).map_err(|e| failed(tmp, &e))
}

/// Writes a file of a generation, synced.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), BuildError> {
    write_synced(path, bytes).map_err(|e| failed(path, &e))
}

/// Renames the complete generation in `tmp` into place and points `key` at it, the pointer
/// replaced by a rename; returns where the generation lives.
fn make_live(dir: &Path, key: &str, tmp: &Path) -> Result<PathBuf, BuildError> {
    let generation = format!("{key}-{}", unique());
    let live = dir.join(&generation);
    fs::rename(tmp, &live).map_err(|e| failed(&live, &e))?;
    let pointer_tmp = dir.join(format!(".pointer-{}", unique()));
    write_synced(&pointer_tmp, generation.as_bytes()).map_err(|e| failed(&pointer_tmp, &e))?;
    let pointer = pointer_path(dir, key);
    fs::rename(&pointer_tmp, &pointer).map_err(|e| {
        let _ = fs::remove_file(&pointer_tmp);
        failed(&pointer, &e)
    })?;
    sync_dir(dir).map_err(|e| failed(dir, &e))?;
    Ok(live)
}

fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    let mut file = fs::File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Syncs a directory's entries (a no-op where directories cannot be opened, as on Windows).
fn sync_dir(dir: &Path) -> io::Result<()> {
    match fs::File::open(dir) {
        Ok(handle) => handle.sync_data(),
        Err(_) if cfg!(windows) => Ok(()),
        Err(e) => Err(e),
    }
}

fn age(meta: &fs::Metadata) -> Duration {
    meta.modified()
        .ok()
        .and_then(|m| SystemTime::now().duration_since(m).ok())
        .unwrap_or_default()
}

/// Removes what nobody needs: generations no pointer names (after a grace period), builds
/// left behind by killed processes, stray pointer temporaries. Errors are ignored: another
/// process may be doing the same.
pub fn collect_garbage(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let entries: Vec<(String, fs::Metadata)> = entries
        .filter_map(|e| {
            let e = e.ok()?;
            Some((
                e.file_name().to_string_lossy().into_owned(),
                e.metadata().ok()?,
            ))
        })
        .collect();
    // Keep the pointers of the most recently built keys (other corpora, other versions of
    // the program); older ones go, and their generations with them after the grace period.
    let mut pointers: Vec<&(String, fs::Metadata)> = entries
        .iter()
        .filter(|(name, _)| name.ends_with(".current"))
        .collect();
    pointers.sort_by_key(|(_, meta)| age(meta));
    for (name, _) in pointers.iter().skip(KEEP_KEYS) {
        let _ = fs::remove_file(dir.join(name));
    }
    let live: Vec<String> = pointers
        .iter()
        .take(KEEP_KEYS)
        .filter_map(|(name, _)| fs::read_to_string(dir.join(name)).ok())
        .map(|s| s.trim().to_string())
        .collect();
    for (name, meta) in &entries {
        let path = dir.join(name);
        if name.starts_with(".build-") || name.starts_with(".pointer-") {
            if age(meta) > ABANDONED {
                let _ = fs::remove_dir_all(&path).or_else(|_| fs::remove_file(&path));
            }
        } else if meta.is_dir() && is_generation(name) && !live.contains(name) && age(meta) > GRACE
        {
            // Held while removing: a reader that comes now fails to pin it and looks again.
            if let Some(_claimed) = claim(&path) {
                let _ = fs::remove_dir_all(&path);
            }
        }
    }
}

fn is_generation(name: &str) -> bool {
    let Some((key, generation)) = name.split_once('-') else {
        return false;
    };
    key.len() == 16
        && key.chars().all(|c| c.is_ascii_hexdigit())
        && !generation.is_empty()
        && generation.chars().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::corpus::{Corpus, CorpusLocation};
    use crate::search::Engine;

    /// Makes a generation look older than the grace period.
    fn age(path: &Path) {
        let long_ago = SystemTime::now() - 2 * GRACE;
        fs::File::open(path)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
    }

    /// A generation a reader has open survives garbage collection however old it is; once
    /// the reader lets go, the next collection removes it.
    #[test]
    fn an_open_generation_is_never_collected() {
        let (_, dir, engine) = crate::search::testing::corpus_engine();
        let held = engine.path().clone();
        let corpus = Corpus::load(&CorpusLocation::Embedded).unwrap();
        let newer = Engine::rebuild(dir.path(), &corpus).unwrap();
        assert_ne!(newer.path(), &held);
        assert!(engine.superseded());
        assert!(!newer.superseded());
        age(&held);
        collect_garbage(dir.path());
        assert!(held.is_dir(), "removed while open");
        // A fork holds it too.
        let fork = engine.fork();
        drop(engine);
        collect_garbage(dir.path());
        assert!(held.is_dir(), "removed while a fork has it open");
        drop(fork);
        collect_garbage(dir.path());
        assert!(!held.exists(), "kept after every reader let go");
        assert!(newer.path().is_dir());
    }
}
