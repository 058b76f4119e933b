#!/usr/bin/python3
"""senate-kb side by side with the search engines a competent engineer would set up instead,
on the judged query set (tests/judged/queries.toml).

How to run it (from the checkout; a few seconds):

    apt-get install postgresql python3-xapian      # once; PostgreSQL 15 and Xapian 1.4
    /usr/bin/python3 -m pip install --user --break-system-packages tantivy   # optional
    /usr/bin/python3 benches/relevance-peers.py --bin target/release/senate-kb

Options: --bin PATH (default target/release/senate-kb), --queries FILE (default
tests/judged/queries.toml), --json OUT (default target/relevance-peers/rankings.json),
--skip NAME,... (leave peers out: postgres, xapian, xapian-all-z, fts5, substring, tantivy),
--timeout SECONDS (the whole run; default 600). python3-xapian is built for Debian's
/usr/bin/python3: started by another interpreter that cannot import xapian, the script runs
itself again with /usr/bin/python3. It prints a Markdown table (classes as rows, systems as
columns, each cell `success@1 / MRR / violations`) and writes every system's ranking of every
query, with its scores, to the JSON file. A missing PostgreSQL or Xapian stops it before
anything runs, saying what to install (or to --skip the peer); a missing tantivy is skipped
with a note.

Documents. Every system gets the same 37 documents (the overview and the 36 races), taken from
the binary itself (`senate-kb --json --lang de export` and `--lang en export`): per document
its German title (`Hawaii (Sonderwahl)`), its English title (`Hawaii (special election)`), all
German units joined with spaces and all English units likewise. The facts (winner, party,
outcome, the one-line summary made from them) are not given to the peers, as in
tests/judged_relevance.rs: they are senate-kb's filters, which the peers do not have.

Queries. The peers get the query as tests/judged_relevance.rs's `peer_terms` gives it: the
words and "quoted phrases", each filter `name:value` as its value alone (`party:R outcome:gain`
→ `R gain`). Where a peer falls back to OR (PostgreSQL, Xapian), the fallback is every word of
those terms (phrases split into their words), joined by OR.

Systems:

- senate-kb: the binary (--bin), run with a clean environment (no LANG, LC_*, SENATE_KB_*) and
  an index in a temporary directory, `--json --lang <the query's lang> search -n 10 -- TEXT`,
  once per query, as the user sees it: `hits`, or `relaxed.hits` when `hits` is empty.
- PostgreSQL full-text search (Debian's postgresql, version 15 or whichever
  /usr/lib/postgresql/*/bin has). A throw-away cluster: initdb (UTF-8, locale C.UTF-8 so that
  lower-casing folds Ä/Ö/Ü; trust authentication) into a fresh temporary directory owned by the
  user `postgres` (or `nobody`) when run as root, since initdb refuses root; it listens on a
  Unix socket in that directory only (`listen_addresses = ''`, no TCP), fsync off. It is
  stopped (`pg_ctl stop -m fast`, the postmaster killed if that fails) and the directory removed
  at the end, also on an error, a timeout, Ctrl-C or SIGTERM. Schema: one row per document with
  a stored generated column
      setweight(to_tsvector('german', title_de) || to_tsvector('english', title_en), 'A')
      || setweight(to_tsvector('german', de), 'B') || setweight(to_tsvector('english', en), 'B')
  and a GIN index on it (with 37 rows the planner scans the table anyway; the index is there
  as it would be in production). A query is `websearch_to_tsquery('german', q) ||
  websearch_to_tsquery('english', q)`: a document matches if it matches the German or the
  English form (every word, stemmed by that language's Snowball stemmer, stop words dropped;
  quoted phrases as phrases). Ranked by `ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', tsv, query, 1)`:
  PostgreSQL's default weights (a title word counts 2.5 times a text word) and normalization 1
  (divided by 1 + log of the document's length, since the overview is several times longer
  than a race); ties in document order. When nothing matches, the fallback: the OR of every
  word's German and English form, ranked alike (a PL/pgSQL function does both). The German
  Snowball stemmer folds ä/ö/ü to a/o/u, so `Rucktritt` finds `Rücktritt`; no unaccent, no
  dictionary of compounds: the configurations as shipped.
- Xapian (Debian's python3-xapian, 1.4), a database in a temporary directory. Per document
  a German TermGenerator (Stem("german")) indexes the German title and text, an English one
  (Stem("english")) the English title and text, both into the same document, their positions
  kept apart so that no phrase spans two languages. Stemming strategy STEM_SOME (Xapian's
  default: every word indexed as is, with positions, plus a stemmed `Z` term). Titles are
  indexed twice: with the prefix `S` (Xapian's convention for a title field) and among the
  text with a wdf increment of 5, so that a word in the title weighs as five in the text under
  BM25 (Xapian's default weighting). A query is parsed twice, by a German and an English
  QueryParser (each with its stemmer, STEM_SOME, default operator AND, FLAG_DEFAULT: phrases,
  boolean operators, +/-), the two joined with OP_OR. STEM_SOME means what a Xapian user gets:
  a query word with a capital letter is not stemmed, so German nouns are matched as typed
  (lower-cased). No stop words (Xapian ships no lists). When nothing matches, the fallback:
  the words parsed again with default operator OR, German and English joined with OP_OR.
- Xapian STEM_ALL_Z: the same with the strategy a German index calls for, since German
  capitalizes every noun: STEM_ALL_Z in both the TermGenerators and the QueryParsers (every
  word stemmed, at index and query time alike, phrases over the stemmed terms).
- SQLite FTS5 (Python's sqlite3): one row per document, columns id (UNINDEXED), title_de,
  title_en, de, en, `tokenize = 'unicode61 remove_diacritics 2'`; every peer term a quoted FTS5
  string (a phrase when it has several words), all required (implicit AND), no fallback, as in
  tests/judged_relevance.rs; ranked by `bm25(docs, 0, 5, 5, 1, 1)`: a title match weighs five
  times a text match; ties by rowid (document order).
- substring: as in tests/judged_relevance.rs (case-insensitive; every peer term must occur;
  ranked by how often they occur, ties in document order), over the titles and the text.
- tantivy default (the PyPI package `tantivy`, if it is installed): fields title_de, title_en,
  de, en with tantivy's `default` tokenizer (split on non-alphanumerics, lower case, no
  stemming); the query parser as shipped (terms joined by OR), each peer term quoted as in
  tests/judged_relevance.rs, titles boosted 5; BM25.

Metrics, per class and overall, for every system:

- success@1: the first result is the query's `answer` when the query has one, else a document
  with the query's highest grade;
- MRR: as in tests/judged_relevance.rs, the reciprocal rank of the first document graded > 0
  within the top 10 (0 when there is none);
- violations: the number of queries with a `must_not` document among the top 10.

Processes. Every child (senate-kb, initdb, pg_ctl, psql) runs in a session of its own with a
timeout; on a timeout, Ctrl-C, SIGTERM, SIGHUP or the --timeout deadline its process group is
killed and waited for, PostgreSQL is stopped, and every temporary directory is removed, in
`finally` blocks that a second signal does not interrupt (exit status 130 after a signal, 124
after the deadline). Nothing listens on anything but PostgreSQL's Unix socket, in a directory
only its user can enter.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import pathlib
import pwd
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import tomllib
from contextlib import contextmanager
from dataclasses import dataclass

ROOT = pathlib.Path(__file__).resolve().parent.parent
SYSTEM_PYTHON = "/usr/bin/python3"
TOP = 10
TITLE_WEIGHT = 5  # FTS5's bm25 column weight, Xapian's wdf increment, tantivy's boost
ALL_Z = "STEM_ALL_Z"
PEERS = ("postgres", "xapian", "xapian-all-z", "fts5", "substring", "tantivy")

try:
    import xapian
except ImportError:
    xapian = None
    if (
        os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON)
        and os.path.exists(SYSTEM_PYTHON)
        and not os.environ.get("RELEVANCE_PEERS_REEXEC")
    ):
        probe = subprocess.run(
            [SYSTEM_PYTHON, "-c", "import xapian"], check=False, capture_output=True, timeout=30
        )
        if probe.returncode == 0:
            os.environ["RELEVANCE_PEERS_REEXEC"] = "1"
            os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON, os.path.abspath(__file__), *sys.argv[1:]])


class MissingDependency(Exception):
    """A peer cannot run: the message says what to install."""


@dataclass
class Doc:
    ord: int
    id: str
    title_de: str
    title_en: str
    de: str
    en: str


@dataclass
class Answer:
    """One system's answer to one query: document ids best first, and whether it is the
    fallback (senate-kb's relaxed hits, the peers' OR)."""

    ids: list[str]
    relaxed: bool = False


# --- the query as the peers get it ---------------------------------------------------------


def peer_terms(text: str) -> list[str]:
    """tests/judged_relevance.rs's `peer_terms`: words and quoted phrases; a filter
    `name:value` becomes its value (`party:R` → `R`)."""
    terms = []
    rest = text.strip()
    while rest:
        name, colon, value = rest.partition(":")
        if colon and name and all(c.isalpha() for c in name):
            rest = value
        if rest.startswith('"'):
            quoted = rest[1:]
            end = quoted.find('"')
            end = len(quoted) if end < 0 else end
            token, after = quoted[:end], quoted[end + 1 :]
        else:
            cut = next((i for i, c in enumerate(rest) if c.isspace()), len(rest))
            token, after = rest[:cut], rest[cut:]
        if token:
            terms.append(token)
        rest = after.lstrip()
    return terms


def peer_words(text: str) -> list[str]:
    """Every word of the peer terms, phrases split: what the OR fallback joins."""
    return [w for t in peer_terms(text) for w in t.split()]


def as_query_string(terms: list[str]) -> str:
    """Words as they are, phrases in double quotes: the syntax websearch_to_tsquery and
    Xapian's QueryParser share."""
    return " ".join(f'"{t}"' if any(c.isspace() for c in t) else t for t in terms)


# --- processes, signals, temporary directories ------------------------------------------

# Ctrl-C, SIGTERM, SIGHUP and the deadline (SIGALRM) raise an exception in the main thread once;
# after that the clean-up runs to its end (every step of it is bounded in time) and later
# signals are ignored. Inside `signals_deferred()` (a clean-up, a kill) the first one waits
# until the block is done. A flag, not a signal mask: tantivy's threads would take a masked
# signal and Python would still run the handler in the main thread.
_signals = {"stopping": False, "deferring": 0, "pending": None}


def on_signal(signum, _frame):
    if _signals["stopping"]:
        return
    if signum == signal.SIGALRM:
        exc = TimeoutError("the run took longer than --timeout")
    else:
        exc = KeyboardInterrupt(f"signal {signum}")
    if _signals["deferring"]:
        _signals["pending"] = _signals["pending"] or exc
        return
    _signals["stopping"] = True
    raise exc


@contextmanager
def signals_deferred():
    _signals["deferring"] += 1
    try:
        yield
    finally:
        _signals["deferring"] -= 1
        pending = _signals["pending"]
        if pending and not _signals["deferring"] and not _signals["stopping"]:
            _signals["pending"], _signals["stopping"] = None, True
            raise pending


def run(
    cmd: list, timeout: float, input: bytes | None = None, **kwargs
) -> subprocess.CompletedProcess:
    """subprocess.run, but the child has a session of its own (a Ctrl-C in the terminal reaches
    the script alone), and on a timeout, Ctrl-C or SIGTERM the child's whole process group is
    killed and waited for (initdb's bootstrap backend too) before the exception goes on, so
    that nothing writes on into a directory being removed."""
    with subprocess.Popen(
        cmd,
        stdin=subprocess.PIPE if input is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        **kwargs,
    ) as proc:
        try:
            out, err = proc.communicate(input, timeout=timeout)
        except BaseException:
            with signals_deferred():
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                proc.wait()
            raise
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def run_checked(cmd: list, timeout: float, **kwargs) -> subprocess.CompletedProcess:
    done = run(cmd, timeout, **kwargs)
    if done.returncode != 0:
        raise subprocess.CalledProcessError(done.returncode, cmd, done.stdout, done.stderr)
    return done


def remove_tree(path: str) -> None:
    """shutil.rmtree, again until the directory is gone; a warning if it stays."""
    for _ in range(20):
        shutil.rmtree(path, ignore_errors=True)
        if not os.path.exists(path):
            return
        time.sleep(0.25)
    print(f"warning: could not remove {path}", file=sys.stderr)


# --- the documents -------------------------------------------------------------------------


def clean_env() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("LC_", "LANG", "SENATE_KB", "RELEVANCE_PEERS"))
    }
    env["NO_COLOR"] = "1"
    return env


def export_docs(binary: str, index: str) -> list[Doc]:
    """The binary's own documents, with the German and the English title."""
    by_lang = {}
    for lang in ("de", "en"):
        out = run_checked(
            [binary, "--index", index, "--json", "--lang", lang, "export"],
            timeout=120,
            env=clean_env(),
            cwd="/",
        ).stdout.decode()
        by_lang[lang] = [json.loads(line) for line in out.splitlines() if line.strip()]
    docs = []
    for n, (de, en) in enumerate(zip(by_lang["de"], by_lang["en"], strict=True)):
        assert de["id"] == en["id"], (de["id"], en["id"])
        docs.append(
            Doc(
                ord=n,
                id=de["id"],
                title_de=de["title"],
                title_en=en["title"],
                de=" ".join(u["de"] for u in de["text"]),
                en=" ".join(u["en"] for u in de["text"]),
            )
        )
    return docs


# --- the systems ---------------------------------------------------------------------------


def run_senate_kb(binary: str, index: str, queries: list[dict]) -> list[Answer]:
    """The binary, once per query, as the user sees it: `hits`, else `relaxed.hits`."""
    answers = []
    for q in queries:
        cmd = [binary, "--index", index, "--json", "--lang", q["lang"], "search"]
        done = run([*cmd, "-n", str(TOP), "--", q["text"]], 60, env=clean_env(), cwd="/")
        # Exit 1: nothing matches every word (the JSON still says what relaxing found).
        if done.returncode not in (0, 1) or not done.stdout.strip():
            print(
                f"senate-kb: {q['text']!r} exited {done.returncode}: "
                f"{done.stderr.decode().strip()}",
                file=sys.stderr,
            )
            answers.append(Answer([]))
            continue
        out = json.loads(done.stdout)
        if out["hits"]:
            answers.append(Answer([h["id"] for h in out["hits"]]))
        else:
            relaxed = (out.get("relaxed") or {}).get("hits") or []
            answers.append(Answer([h["id"] for h in relaxed], relaxed=True))
    return answers


def pg_bin_dir() -> pathlib.Path:
    found = sorted(
        pathlib.Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if not found:
        raise MissingDependency(
            "PostgreSQL: no initdb under /usr/lib/postgresql; apt-get install postgresql"
        )
    return found[-1].parent


@contextmanager
def postgres_cluster():
    """A throw-away PostgreSQL cluster on a Unix socket in a temporary directory; yields the
    psql command line to reach it. Stopped and removed whatever happens."""
    bindir = pg_bin_dir()
    if os.geteuid() == 0:
        for name in ("postgres", "nobody"):
            try:
                user = pwd.getpwnam(name)
                break
            except KeyError:
                continue
        else:
            raise MissingDependency(
                "PostgreSQL: initdb refuses root and there is no user "
                "`postgres` or `nobody` to run it as"
            )
        run_as = {"user": user.pw_uid, "group": user.pw_gid}
    else:
        user, run_as = pwd.getpwuid(os.geteuid()), {}
    top = tempfile.mkdtemp(prefix="relevance-peers-pg-")
    data = os.path.join(top, "data")
    started = False
    try:
        os.chown(top, user.pw_uid, user.pw_gid)
        initdb = [bindir / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"]
        run_checked([*initdb, "--locale=C.UTF-8", "--no-sync"], 120, cwd=top, **run_as)
        with open(os.path.join(data, "postgresql.conf"), "a") as conf:
            conf.write(
                "\n# relevance-peers.py: a Unix socket in this directory only\n"
                "listen_addresses = ''\n"
                f"unix_socket_directories = '{top}'\n"
                "port = 5432\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                "shared_buffers = 16MB\nmax_connections = 5\n"
            )
        started = True  # from here on, a stop is attempted even if start fails halfway
        # pg_ctl puts the postmaster in a session of its own: stop_postgres ends it.
        start = [bindir / "pg_ctl", "-D", data, "-l", os.path.join(top, "log"), "-w", "-t", "60"]
        run_checked([*start, "start"], 90, cwd=top, **run_as)
        # Unaligned, tuples only, tab-separated; no ~/.psqlrc; stop at the first error.
        psql = [bindir / "psql", "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1"]
        yield [*psql, "-h", top, "-p", "5432", "-U", "postgres", "-d", "postgres"]
    except subprocess.CalledProcessError as e:
        log = pathlib.Path(top, "log")
        detail = (e.stderr or b"").decode(errors="replace")
        if log.exists():
            detail += log.read_text(errors="replace")[-2000:]
        raise RuntimeError(f"PostgreSQL: {e.cmd[0]} failed: {detail.strip()}") from e
    finally:
        with signals_deferred():
            if started:
                stop_postgres(bindir, data, top, run_as)
            remove_tree(top)


def stop_postgres(bindir: pathlib.Path, data: str, top: str, run_as: dict) -> None:
    """pg_ctl stop -m fast; the postmaster killed if that fails or takes too long."""
    stop = [bindir / "pg_ctl", "-D", data, "-m", "fast", "-w", "-t", "30", "stop"]
    try:
        done = subprocess.run(stop, check=False, capture_output=True, timeout=45, cwd=top, **run_as)
        stopped = done.returncode == 0
    except subprocess.TimeoutExpired:
        stopped = False
    pidfile = pathlib.Path(data, "postmaster.pid")
    if not stopped and pidfile.exists():
        try:
            os.kill(int(pidfile.read_text().split()[0]), signal.SIGKILL)
        except (ValueError, IndexError, ProcessLookupError):
            pass


def sql_literal(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def pg_both(config_arg: str) -> str:
    """A tsquery that matches the German or the English form of a websearch string."""
    lit = sql_literal(config_arg)
    return f"(websearch_to_tsquery('german', {lit}) || websearch_to_tsquery('english', {lit}))"


PG_SCHEMA = """
SET client_min_messages = warning;
CREATE TABLE docs (
    ord int PRIMARY KEY,
    id text NOT NULL,
    title_de text NOT NULL,
    title_en text NOT NULL,
    de text NOT NULL,
    en text NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('german', title_de) || to_tsvector('english', title_en), 'A')
        || setweight(to_tsvector('german', de), 'B')
        || setweight(to_tsvector('english', en), 'B')
    ) STORED
);
CREATE INDEX docs_tsv ON docs USING GIN (tsv);
\\copy docs (ord, id, title_de, title_en, de, en) FROM '{csv}' WITH (FORMAT csv)
ANALYZE docs;

-- Every word, else any word: the strict query's hits, or the loose query's when there are none.
CREATE FUNCTION search(strict tsquery, loose tsquery)
RETURNS TABLE (doc_id text, relaxed boolean) LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN QUERY
        SELECT d.id, false FROM docs d WHERE d.tsv @@ strict
        ORDER BY ts_rank_cd('{{0.1, 0.2, 0.4, 1.0}}', d.tsv, strict, 1) DESC, d.ord
        LIMIT {top};
    IF NOT FOUND THEN
        RETURN QUERY
            SELECT d.id, true FROM docs d WHERE d.tsv @@ loose
            ORDER BY ts_rank_cd('{{0.1, 0.2, 0.4, 1.0}}', d.tsv, loose, 1) DESC, d.ord
            LIMIT {top};
    END IF;
END
$$;
"""


def run_postgres(docs: list[Doc], queries: list[dict], work: str) -> list[Answer]:
    """PostgreSQL's german and english configurations, websearch_to_tsquery, ts_rank_cd."""
    csv_path = os.path.join(work, "pg-docs.csv")
    with open(csv_path, "w", newline="") as f:
        w = csv.writer(f)
        for d in docs:
            w.writerow([d.ord, d.id, d.title_de, d.title_en, d.de, d.en])
    script = [PG_SCHEMA.format(csv=csv_path.replace("'", "''"), top=TOP)]
    for n, q in enumerate(queries):
        strict = pg_both(as_query_string(peer_terms(q["text"])))
        loose = " || ".join(pg_both(w) for w in peer_words(q["text"])) or "''::tsquery"
        script.append(f"SELECT {n}, doc_id, relaxed FROM search({strict}, {loose});")
    with postgres_cluster() as psql:
        done = run(psql, timeout=120, input="\n".join(script).encode())
        if done.returncode != 0:
            raise RuntimeError(f"PostgreSQL: psql failed: {done.stderr.decode().strip()}")
    answers = [Answer([], relaxed=True) for _ in queries]  # until a row says otherwise
    for line in done.stdout.decode().splitlines():
        if not line.strip():
            continue
        n, doc_id, relaxed = line.split("\t")
        answers[int(n)].ids.append(doc_id)
        answers[int(n)].relaxed = relaxed == "t"
    return answers


def require_xapian() -> None:
    if xapian is None:
        raise MissingDependency(
            "Xapian: cannot import xapian; apt-get install python3-xapian "
            f"and run the script with {SYSTEM_PYTHON}"
        )


def run_xapian(
    docs: list[Doc], queries: list[dict], work: str, strategy: str = "STEM_SOME"
) -> list[Answer]:
    """Xapian with the German and English stemmers, STEM_SOME (or `strategy`), AND with an OR
    fallback."""
    require_xapian()
    db = xapian.WritableDatabase(
        os.path.join(work, f"xapian-{strategy}"), xapian.DB_CREATE_OR_OVERWRITE
    )
    generators = {}
    for lang, stem in (("de", "german"), ("en", "english")):
        g = xapian.TermGenerator()
        g.set_stemmer(xapian.Stem(stem))
        g.set_stemming_strategy(getattr(xapian.TermGenerator, strategy))
        generators[lang] = g
    for d in docs:
        doc = xapian.Document()
        doc.set_data(d.id)
        doc.add_boolean_term("Q" + d.id)
        termpos = 0
        for lang, title, text in (("de", d.title_de, d.de), ("en", d.title_en, d.en)):
            g = generators[lang]
            g.set_document(doc)
            g.set_termpos(termpos)
            g.index_text(title, 1, "S")
            g.index_text(title, TITLE_WEIGHT)
            g.increase_termpos()
            g.index_text(text)
            termpos = g.get_termpos() + 100
        db.add_document(doc)
    db.commit()

    parsers = []
    for stem in ("german", "english"):
        qp = xapian.QueryParser()
        qp.set_stemmer(xapian.Stem(stem))
        qp.set_stemming_strategy(getattr(xapian.QueryParser, strategy))
        qp.set_database(db)
        qp.add_prefix("title", "S")
        parsers.append(qp)

    def search(text: str, op: int) -> list[str]:
        parsed = []
        for qp in parsers:
            qp.set_default_op(op)
            parsed.append(qp.parse_query(text, xapian.QueryParser.FLAG_DEFAULT))
        enquire = xapian.Enquire(db)
        enquire.set_query(xapian.Query(xapian.Query.OP_OR, parsed))
        enquire.set_docid_order(xapian.Enquire.ASCENDING)  # ties in document order
        return [m.document.get_data().decode() for m in enquire.get_mset(0, TOP)]

    answers = []
    for q in queries:
        ids = search(as_query_string(peer_terms(q["text"])), xapian.Query.OP_AND)
        if ids:
            answers.append(Answer(ids))
        else:
            answers.append(
                Answer(search(" ".join(peer_words(q["text"])), xapian.Query.OP_OR), relaxed=True)
            )
    db.close()
    return answers


def run_fts5(docs: list[Doc], queries: list[dict]) -> list[Answer]:
    """SQLite FTS5, unicode61 without diacritics, bm25 with the titles weighted 5."""
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title_de, title_en, de, en, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    db.executemany(
        "INSERT INTO docs (rowid, id, title_de, title_en, de, en) VALUES (?, ?, ?, ?, ?, ?)",
        [(d.ord + 1, d.id, d.title_de, d.title_en, d.de, d.en) for d in docs],
    )
    sql = (
        f"SELECT id FROM docs WHERE docs MATCH ? ORDER BY "
        f"bm25(docs, 0, {TITLE_WEIGHT}, {TITLE_WEIGHT}, 1, 1), rowid LIMIT {TOP}"
    )
    answers = []
    for q in queries:
        expr = " ".join('"' + t.replace('"', '""') + '"' for t in peer_terms(q["text"]))
        try:
            answers.append(Answer([row[0] for row in db.execute(sql, (expr,))]))
        except sqlite3.OperationalError:
            answers.append(Answer([]))
    db.close()
    return answers


def run_substring(docs: list[Doc], queries: list[dict]) -> list[Answer]:
    """Case-insensitive substring search: every term must occur; ranked by how often."""
    texts = [(d.id, f"{d.title_de}\n{d.title_en}\n{d.de}\n{d.en}".lower()) for d in docs]
    answers = []
    for q in queries:
        terms = [t.lower() for t in peer_terms(q["text"])]
        found = []
        for order, (doc_id, text) in enumerate(texts):
            counts = [text.count(t) for t in terms]
            if all(c > 0 for c in counts):
                found.append((-sum(counts), order, doc_id))
        answers.append(Answer([doc_id for _, _, doc_id in sorted(found)[:TOP]]))
    return answers


def run_tantivy(docs: list[Doc], queries: list[dict], work: str) -> list[Answer]:
    """tantivy's default tokenizer and query parser (OR), titles boosted; BM25."""
    try:
        import tantivy
    except ImportError as e:
        raise MissingDependency(
            f"tantivy: cannot import it in {sys.executable}; "
            f"{sys.executable} -m pip install --user "
            "--break-system-packages tantivy"
        ) from e
    fields = ("title_de", "title_en", "de", "en")
    b = tantivy.SchemaBuilder()
    b.add_text_field("id", stored=True, tokenizer_name="raw")
    for f in fields:
        b.add_text_field(f, tokenizer_name="default")
    path = os.path.join(work, "tantivy")
    os.mkdir(path)
    index = tantivy.Index(b.build(), path=path)
    writer = index.writer(15_000_000, 1)
    for d in docs:
        writer.add_document(
            tantivy.Document(id=d.id, title_de=d.title_de, title_en=d.title_en, de=d.de, en=d.en)
        )
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()
    boosts = {"title_de": float(TITLE_WEIGHT), "title_en": float(TITLE_WEIGHT)}
    answers = []
    for q in queries:
        expr = " ".join('"' + t.replace('"', " ") + '"' for t in peer_terms(q["text"]))
        query, _errors = index.parse_query_lenient(expr, list(fields), field_boosts=boosts)
        hits = searcher.search(query, TOP).hits
        answers.append(Answer([searcher.doc(addr)["id"][0] for _score, addr in hits]))
    return answers


# --- scoring -------------------------------------------------------------------------------


def score(ids: list[str], q: dict) -> dict:
    judged = q["judged"]
    top = ids[:TOP]
    if "answer" in q:
        success = bool(top) and top[0] == q["answer"]
    else:
        best = max(judged.values())
        success = bool(top) and judged.get(top[0], 0) == best
    rr = next((1.0 / (i + 1) for i, d in enumerate(top) if judged.get(d, 0) > 0), 0.0)
    banned = [d for d in top if d in set(q.get("must_not", []))]
    return {"success1": success, "rr": rr, "violation": bool(banned), "must_not_found": banned}


def markdown_table(queries: list[dict], names: list[str], scores: dict[str, list[dict]]) -> str:
    classes = list(dict.fromkeys(q["class"] for q in queries))
    rows = [(c, [i for i, q in enumerate(queries) if q["class"] == c]) for c in classes]
    rows.append(("**all**", list(range(len(queries)))))
    lines = [
        "| class | queries | with must_not | " + " | ".join(names) + " |",
        "| --- | ---: | ---: |" + " :---: |" * len(names),
    ]
    for label, picked in rows:
        n = len(picked)
        cells = []
        for name in names:
            s = [scores[name][i] for i in picked]
            cells.append(
                f"{sum(x['success1'] for x in s) / n:.2f} / {sum(x['rr'] for x in s) / n:.3f}"
                f" / {sum(x['violation'] for x in s)}"
            )
        with_must_not = sum(1 for i in picked if queries[i].get("must_not"))
        lines.append(f"| {label} | {n} | {with_must_not} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


# --- main ----------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=str(ROOT / "target/release/senate-kb"))
    ap.add_argument("--queries", default=str(ROOT / "tests/judged/queries.toml"))
    ap.add_argument("--json", default=str(ROOT / "target/relevance-peers/rankings.json"))
    ap.add_argument("--skip", default="", help="comma-separated: " + ", ".join(PEERS))
    ap.add_argument("--timeout", type=int, default=600, help="seconds for the whole run")
    args = ap.parse_args()
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    if skip - set(PEERS):
        ap.error(f"--skip: unknown {sorted(skip - set(PEERS))}; known: {', '.join(PEERS)}")
    binary = os.path.abspath(args.bin)
    if not os.access(binary, os.X_OK):
        ap.error(f"--bin {binary}: not an executable (cargo build --release, or give --bin)")

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGALRM):
        signal.signal(signum, on_signal)
    signal.alarm(args.timeout)

    # The required peers' dependencies, before anything runs.
    try:
        if "postgres" not in skip:
            pg_bin_dir()
        if "xapian" not in skip:
            require_xapian()
    except MissingDependency as e:
        print(f"error: {e} (or --skip the peer)", file=sys.stderr)
        return 2

    queries = tomllib.loads(pathlib.Path(args.queries).read_text())["query"]
    work = tempfile.mkdtemp(prefix="relevance-peers-")
    notes = []
    try:
        index = os.path.join(work, "senate-kb-index")
        run_checked([binary, "--index", index, "index"], timeout=120, env=clean_env(), cwd="/")
        docs = export_docs(binary, index)
        known = {d.id for d in docs}
        for q in queries:
            named = (
                set(q["judged"])
                | set(q.get("must_not", []))
                | ({q["answer"]} if "answer" in q else set())
            )
            if named - known:
                print(
                    f"warning: {q['text']!r} names unknown documents {sorted(named - known)}",
                    file=sys.stderr,
                )

        systems: dict[str, list[Answer]] = {}
        systems["senate-kb"] = run_senate_kb(binary, index, queries)
        peers = [
            ("postgres", "PostgreSQL", lambda: run_postgres(docs, queries, work)),
            ("xapian", "Xapian", lambda: run_xapian(docs, queries, work)),
            ("xapian-all-z", "Xapian STEM_ALL_Z", lambda: run_xapian(docs, queries, work, ALL_Z)),
            ("fts5", "SQLite FTS5", lambda: run_fts5(docs, queries)),
            ("substring", "substring", lambda: run_substring(docs, queries)),
            ("tantivy", "tantivy default", lambda: run_tantivy(docs, queries, work)),
        ]
        for key, name, search_all in peers:
            if key in skip:
                notes.append(f"{name}: skipped (--skip)")
                continue
            try:
                systems[name] = search_all()
            except MissingDependency as e:
                if key not in ("tantivy", "xapian-all-z"):
                    print(f"error: {e} (or --skip {key})", file=sys.stderr)
                    return 2
                notes.append(f"{name}: skipped: {e}")
    finally:
        with signals_deferred():
            signal.alarm(0)
            remove_tree(work)

    names = list(systems)
    scores = {n: [score(a.ids, q) for a, q in zip(systems[n], queries)] for n in names}
    print(
        f"{len(queries)} judged queries, {len(docs)} documents; each cell: "
        "success@1 / MRR / queries with a must_not document in the top 10\n"
    )
    print(markdown_table(queries, names, scores))
    print()
    for n in names:
        relaxed = [a for a in systems[n] if a.relaxed]
        if relaxed:
            found = sum(1 for a in relaxed if a.ids)
            print(
                f"{n}: {len(relaxed)} queries matched nowhere as typed; its fallback "
                f"found something for {found}"
            )
    for note in notes:
        print(f"note: {note}")

    out = pathlib.Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "binary": binary,
        "queries_file": str(pathlib.Path(args.queries).resolve()),
        "documents": [d.id for d in docs],
        "systems": names,
        "notes": notes,
        "queries": [
            {
                **{k: q[k] for k in ("class", "lang", "text", "judged") if k in q},
                **({"answer": q["answer"]} if "answer" in q else {}),
                **({"must_not": q["must_not"]} if "must_not" in q else {}),
                "peer_terms": peer_terms(q["text"]),
                "systems": {
                    n: {
                        "ranking": systems[n][i].ids,
                        "relaxed": systems[n][i].relaxed,
                        **scores[n][i],
                    }
                    for n in names
                },
            }
            for i, q in enumerate(queries)
        ],
    }
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    print(f"\nrankings: {out}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt as e:
        print(f"interrupted ({e or 'Ctrl-C'}); everything started was stopped", file=sys.stderr)
        sys.exit(130)
    except TimeoutError as e:
        print(f"error: {e}; everything started was stopped", file=sys.stderr)
        sys.exit(124)
