//! Writes a generation's segments: in the calling thread while a build is small, else in
//! indexing threads of our own, each filling segments from one queue of documents.
//!
//! tantivy's `IndexWriter` was used for large builds before (see benches/HISTORY.md, twelfth
//! round). Its threads each start a term hash table sized by their memory budget (4 MB at
//! its smallest), filled in when made and walked whole when a segment is written; its queue
//! holds up to 10,000 documents, so the caller raced ahead and a 10k-unit build held every
//! document in memory at once; and it brings threads to commit and merge that a build of a
//! fresh generation does not need. Here each segment's table starts at the size its share of
//! the documents needs, the queue holds a few documents per thread, and the segments are
//! named in `meta.json` once all are written.

use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use tantivy::indexer::{AddOperation, SegmentWriter};
use tantivy::{Directory, Index, IndexMeta, SegmentMeta, TantivyDocument, TantivyError};

/// Indexing threads at most: each fills segments of its own. Analysis is most of their work,
/// and scales with cores; segments beyond a handful cost searches more than they save.
const MAX_WRITER_THREADS: usize = 4;

/// Fewer documents than this are indexed by the calling thread, into one segment: every
/// segment costs each search a few files to open and a term dictionary to walk, and the
/// corpus's 37 documents take milliseconds anyway.
const PARALLEL_FROM_DOCUMENTS: usize = 1_000;

/// Indexing memory a segment fills at most before it is written and the next one begins.
/// Larger segments mean fewer of them for every search to walk: the 100k-unit benchmark
/// corpus fits in one segment per thread. tantivy's arena addresses no more than 4 GB.
const SEGMENT_MEMORY: usize = 60_000_000;

/// Term table entries per document a segment starts with. Terms are counted per field: the
/// 1k-unit benchmark corpus's 202 documents have 4,343, the corpus's 37 documents 3,284. The
/// table doubles whenever it is half full, so starting too small costs a copy or two, not a
/// failure.
const TABLE_TERMS_PER_DOCUMENT: usize = 64;

/// Documents waiting in the queue, per indexing thread: enough that no thread waits for the
/// caller, few enough that the caller does not hold the corpus in memory.
const QUEUED_PER_THREAD: usize = 16;

/// How a generation is written (see [`writer_plan`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriterPlan {
    /// One segment, written in the calling thread as the documents come, until it holds
    /// `switch_at` bytes; then that segment is written and the rest of the documents go to
    /// indexing threads.
    Single {
        /// tantivy's memory budget for the segment: it only sizes the term hash table (a
        /// third of it) the segment starts with.
        memory: usize,
        /// Bytes of indexing memory after which the documents go to indexing threads.
        switch_at: usize,
    },
    /// `threads` indexing threads; each of their segments starts with a budget of `memory`
    /// (as for `Single`) and is written once it holds `segment` bytes.
    Threads {
        /// Indexing threads.
        threads: usize,
        /// tantivy's memory budget for each segment as it starts.
        memory: usize,
        /// Bytes of indexing memory after which a thread writes its segment and starts
        /// another.
        segment: usize,
    },
}

/// How to write an index of `documents` (`None`: not known in advance).
pub fn writer_plan(documents: Option<usize>) -> WriterPlan {
    match documents {
        Some(n) if n < PARALLEL_FROM_DOCUMENTS => WriterPlan::Single {
            memory: table_memory(n),
            switch_at: SEGMENT_MEMORY,
        },
        _ => threads_plan(documents),
    }
}

/// Indexing threads, and the budget their segments start with: for an equal share of the
/// documents each, or the largest when the number is not known.
fn threads_plan(documents: Option<usize>) -> WriterPlan {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(MAX_WRITER_THREADS);
    WriterPlan::Threads {
        threads,
        memory: table_memory(documents.map_or(usize::MAX, |n| n.div_ceil(threads))),
        segment: SEGMENT_MEMORY,
    }
}

/// The budget of a segment of `documents`: one that starts the term table at
/// [`TABLE_TERMS_PER_DOCUMENT`] entries per document (a power of two, from 2^12 to 2^19),
/// since tantivy starts it at the largest power of two whose 8-byte entries take less than a
/// third of the budget.
fn table_memory(documents: usize) -> usize {
    let entries = documents
        .saturating_mul(TABLE_TERMS_PER_DOCUMENT)
        .clamp(1 << 12, 1 << 19)
        .next_power_of_two();
    3 * 8 * entries + 24
}

/// Where a build's documents go, as its [`WriterPlan`] says.
pub struct Writer {
    index: Index,
    state: State,
    /// The segments written so far.
    segments: Vec<SegmentMeta>,
}

enum State {
    /// In the calling thread, until the segment holds `switch_at` bytes.
    Here {
        segment: Option<Box<Filling>>,
        memory: usize,
        switch_at: usize,
    },
    /// In indexing threads.
    Threads(Threads),
    /// Only while handing over: an error there leaves it so, and the build fails.
    Switching,
}

impl Writer {
    /// A writer of new segments for `index`, an empty index with our analyzers registered.
    pub fn new(index: Index, plan: WriterPlan) -> Writer {
        let state = match plan {
            WriterPlan::Single { memory, switch_at } => State::Here {
                segment: None,
                memory,
                switch_at,
            },
            WriterPlan::Threads {
                threads,
                memory,
                segment,
            } => State::Threads(Threads::start(&index, threads, memory, segment)),
        };
        Writer {
            index,
            state,
            segments: Vec::new(),
        }
    }

    /// Adds a document.
    pub fn add_document(&mut self, doc: TantivyDocument) -> tantivy::Result<()> {
        match &mut self.state {
            State::Here {
                segment,
                memory,
                switch_at,
            } => {
                let filling = match segment {
                    Some(filling) => filling,
                    None => segment.insert(Box::new(Filling::new(&self.index, *memory)?)),
                };
                filling.add(doc)?;
                if filling.writer.mem_usage() >= *switch_at {
                    self.switch_to_threads()?;
                }
                Ok(())
            }
            State::Threads(threads) => threads.send(doc),
            State::Switching => Err(failed("the index writer failed while handing over")),
        }
    }

    fn switch_to_threads(&mut self) -> tantivy::Result<()> {
        let State::Here { segment, .. } = std::mem::replace(&mut self.state, State::Switching)
        else {
            return Ok(());
        };
        if let Some(filling) = segment {
            self.segments.push(filling.finish()?);
        }
        let WriterPlan::Threads {
            threads,
            memory,
            segment,
        } = threads_plan(None)
        else {
            unreachable!("threads_plan plans threads");
        };
        self.state = State::Threads(Threads::start(&self.index, threads, memory, segment));
        Ok(())
    }

    /// Writes what was added, names every segment in `meta.json`, and returns the index.
    pub fn finish(self) -> tantivy::Result<Index> {
        let Writer {
            index,
            state,
            mut segments,
        } = self;
        match state {
            State::Here { segment, .. } => {
                if let Some(filling) = segment {
                    segments.push(filling.finish()?);
                }
            }
            State::Threads(threads) => segments.extend(threads.finish()?),
            State::Switching => {
                return Err(failed("the index writer failed while handing over"));
            }
        }
        let meta = IndexMeta {
            index_settings: index.settings().clone(),
            persisted_custom_extensions: Vec::new(),
            segments,
            schema: index.schema(),
            opstamp: 0,
            payload: None,
        };
        // As tantivy writes it (`save_metas`), without the sync: the generation is made
        // durable as a whole before it is named (see `build_dir`).
        let mut json = serde_json::to_vec_pretty(&meta).map_err(|e| failed(&e.to_string()))?;
        json.push(b'\n');
        index
            .directory()
            .atomic_write(Path::new("meta.json"), &json)?;
        Ok(index)
    }
}

/// A segment being filled.
struct Filling {
    writer: SegmentWriter,
    segment: tantivy::Segment,
}

impl Filling {
    fn new(index: &Index, memory: usize) -> tantivy::Result<Filling> {
        let segment = index.new_segment();
        Ok(Filling {
            writer: SegmentWriter::for_segment(memory, segment.clone())?,
            segment,
        })
    }

    fn add(&mut self, document: TantivyDocument) -> tantivy::Result<()> {
        // Opstamps order deletes, and a new generation has none.
        self.writer.add_document(AddOperation {
            opstamp: 0,
            document,
        })
    }

    /// Writes the segment's files; its meta, for `meta.json`.
    fn finish(self) -> tantivy::Result<SegmentMeta> {
        let max_doc = self.writer.max_doc();
        self.writer.finalize()?;
        Ok(self.segment.with_max_doc(max_doc).meta().clone())
    }
}

/// Indexing threads taking documents from one queue, so that a thread that is ahead takes
/// more: each writes a segment whenever it holds the plan's bytes, and its last one when the
/// queue closes.
struct Threads {
    queue: Option<SyncSender<TantivyDocument>>,
    handles: Vec<JoinHandle<tantivy::Result<Vec<SegmentMeta>>>>,
}

impl Threads {
    fn start(index: &Index, threads: usize, memory: usize, segment: usize) -> Threads {
        let (queue, documents) = sync_channel(threads * QUEUED_PER_THREAD);
        let documents = Arc::new(Mutex::new(documents));
        let handles = (0..threads)
            .map(|_| {
                let index = index.clone();
                let documents = Arc::clone(&documents);
                std::thread::spawn(move || index_documents(&index, &documents, memory, segment))
            })
            .collect();
        Threads {
            queue: Some(queue),
            handles,
        }
    }

    fn send(&mut self, doc: TantivyDocument) -> tantivy::Result<()> {
        let sent = self
            .queue
            .as_ref()
            .is_some_and(|queue| queue.send(doc).is_ok());
        if sent {
            return Ok(());
        }
        // Every thread has stopped: its error says why.
        self.queue = None;
        for handle in self.handles.drain(..) {
            join(handle)?;
        }
        Err(failed("the indexing threads stopped"))
    }

    fn finish(mut self) -> tantivy::Result<Vec<SegmentMeta>> {
        // Closing the queue tells the threads to write their last segments.
        self.queue = None;
        let mut segments = Vec::new();
        let mut first_error = None;
        for handle in self.handles.drain(..) {
            match join(handle) {
                Ok(metas) => segments.extend(metas),
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        match first_error {
            Some(e) => Err(e),
            None => Ok(segments),
        }
    }
}

fn join(
    handle: JoinHandle<tantivy::Result<Vec<SegmentMeta>>>,
) -> tantivy::Result<Vec<SegmentMeta>> {
    handle
        .join()
        .unwrap_or_else(|_| Err(failed("an indexing thread panicked")))
}

/// One indexing thread: documents from the queue until it closes, into segments that start
/// with a budget of `memory` and are written once they hold `segment` bytes.
fn index_documents(
    index: &Index,
    documents: &Mutex<Receiver<TantivyDocument>>,
    memory: usize,
    segment: usize,
) -> tantivy::Result<Vec<SegmentMeta>> {
    let mut segments = Vec::new();
    let mut filling: Option<Filling> = None;
    loop {
        let next = match documents.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return Err(failed("another indexing thread panicked")),
        };
        let Ok(doc) = next else {
            break;
        };
        let current = match &mut filling {
            Some(current) => current,
            None => filling.insert(Filling::new(index, memory)?),
        };
        current.add(doc)?;
        if current.writer.mem_usage() >= segment {
            if let Some(full) = filling.take() {
                segments.push(full.finish()?);
            }
        }
    }
    if let Some(last) = filling {
        segments.push(last.finish()?);
    }
    Ok(segments)
}

fn failed(why: &str) -> TantivyError {
    TantivyError::InternalError(why.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{analysis, schema};

    /// What a fresh segment's indexing memory is, with the budget [`table_memory`] gives for
    /// `documents`: mostly its term table, the rest the same for every budget.
    fn fresh_segment_memory(documents: usize) -> usize {
        let index = Index::create_in_ram(schema::schema().0);
        analysis::register(&index);
        let filling = Filling::new(&index, table_memory(documents)).unwrap();
        filling.writer.mem_usage()
    }

    /// tantivy sizes a segment's term table by the budget as the documentation of
    /// [`table_memory`] says: 64 entries of 8 bytes per document, a power of two from 2^12
    /// to 2^19.
    #[test]
    fn a_segment_starts_with_a_term_table_for_its_documents() {
        let base = fresh_segment_memory(1);
        for (documents, entries) in [
            (1, 1 << 12),
            (64, 1 << 12),
            (65, 1 << 13),
            (202, 1 << 14),
            (1_007, 1 << 16),
            (8_192, 1 << 19),
            (usize::MAX, 1 << 19),
        ] {
            assert_eq!(
                fresh_segment_memory(documents) - base,
                8 * (entries - (1 << 12)),
                "{documents} documents"
            );
        }
    }
}
