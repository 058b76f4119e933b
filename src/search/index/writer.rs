//! Writes a generation's documents with tantivy's `IndexWriter`, in one commit and one
//! final merge: how many indexing threads a build gets and how much memory each fills before
//! it writes a segment. [`store`](crate::search::index::store) hands it a fresh index and names the
//! generation once it is written; [`document`](crate::search::index::document) adds the documents.
//!
//! Segments are not merged while the build runs (`NoMergePolicy`), only once at its end, into
//! one. Measured on the scale benchmark's synthetic corpora (two cores shared with other
//! builds, two threads), the merge timed apart: at 100k units the threads' 2 segments were
//! written and committed in 1.2 s and merged in 0.24 s more; at 1M units 8 segments took
//! 11–14 s and their merge 3.3–3.5 s more. Every query class was as fast or faster on the one
//! merged segment (p50 at 1M: typos 408 → 126 µs, compound parts 877 → 429 µs,
//! cross-language 1,092 → 637 µs, one word 1,582 → 1,154 µs), each segment costing a search
//! its term dictionaries to walk, typos' walks most of all. An index is built once and
//! searched many times. The merge also makes a build answer as one written by one thread:
//! left unmerged, two segments gave scores a last bit apart from the one-segment index's
//! (`tests/judged_relevance.rs`, `equal_scores_keep_article_order`), and so an order of
//! near-ties that depends on which thread took which document; merging them costs a 100k
//! build 0.93 against 0.67 s.

use tantivy::indexer::NoMergePolicy;
use tantivy::{Index, IndexWriter};

/// Indexing threads at most. Analysis is most of their work and scales with cores; each
/// thread writes segments of its own, and the more segments, the longer the final merge.
const MAX_THREADS: usize = 4;

/// Fewer documents than this are indexed by one thread, into one segment with nothing to
/// merge: the corpus's 37 documents take milliseconds anyway, and threads and a merge would
/// cost more than they save.
const PARALLEL_FROM_DOCUMENTS: usize = 1_000;

/// Indexing memory a thread fills before it writes its segment and starts another: larger
/// segments, fewer of them to merge. tantivy wants 15 MB at least and addresses 4 GB at most.
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
/// indexing threads, commits it and merges its segments into one; returns what `fill`
/// returns.
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
    let segments = index.searchable_segment_ids()?;
    if segments.len() > 1 {
        // tantivy commits the merged segment and deletes the segments it replaces.
        writer.merge(&segments).wait()?;
    }
    writer.wait_merging_threads()?;
    Ok(documents)
}
