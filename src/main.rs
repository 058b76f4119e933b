//! The `senate-kb` binary: everything happens in [`senate_kb::run`].

/// mimalloc, as Meilisearch uses: a search allocates and frees many small strings (terms,
/// tokens, stored values), and glibc's allocator spent about a tenth of a query's
/// instructions on them (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    senate_kb::run()
}
