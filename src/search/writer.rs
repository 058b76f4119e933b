//! Writes a generation's documents with tantivy's `IndexWriter`, in one commit: how many
//! indexing threads a build gets, how much memory each fills before it writes a segment, and
//! that segments are not merged. [`store`](super::store) hands it a fresh index and names the
//! generation once it is written; [`indexer`](super::indexer) adds the documents.

use tantivy::indexer::NoMergePolicy;
use tantivy::{Index, IndexWriter};

/// Indexing threads at most. Analysis is most of their work and scales with cores; each
/// thread writes segments of its own, and segments beyond a handful cost every search more
/// than they save the build.
const MAX_THREADS: usize = 4;

/// Fewer documents than this are indexed by one thread, into one segment: every segment costs
/// each search a few files to open and term dictionaries to walk, and the corpus's 37
/// documents take milliseconds anyway.
const PARALLEL_FROM_DOCUMENTS: usize = 1_000;

/// Indexing memory a thread fills before it writes its segment and starts another. Larger
/// segments mean fewer of them for every search to walk. tantivy wants 15 MB at least and
/// addresses 4 GB at most.
const MEMORY_PER_THREAD: usize = 60_000_000;

/// The indexing threads for a build of `documents` (`None`: not known in advance, so as many
/// as for a large build).
pub fn threads(documents: Option<usize>) -> usize {
    match documents {
        Some(n) if n < PARALLEL_FROM_DOCUMENTS => 1,
        _ => std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(MAX_THREADS),
    }
}

/// Writes into `index` (empty, our analyzers registered) what `fill` adds, with `threads`
/// indexing threads, and commits it; returns what `fill` returns. Nothing is merged: a
/// build's segments are as its threads wrote them.
pub fn write(
    index: &Index,
    threads: usize,
    fill: impl FnOnce(&mut IndexWriter) -> tantivy::Result<u64>,
) -> tantivy::Result<u64> {
    let threads = threads.max(1);
    let mut writer: IndexWriter =
        index.writer_with_num_threads(threads, threads * MEMORY_PER_THREAD)?;
    writer.set_merge_policy(Box::new(NoMergePolicy));
    let documents = fill(&mut writer)?;
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(documents)
}
