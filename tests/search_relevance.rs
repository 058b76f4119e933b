//! Search relevance on the real binary: a table of queries in both languages, each with the
//! races it must find (exactly, or at least), where one is clearly right the top hit, and for
//! a few the sentence the top hit must show.
//!
//! Every expectation was derived from the corpus text (the German and English units of
//! `corpus/overview.toml` and `corpus/races/*.toml`), the facts and `corpus/glossary.toml`,
//! with stemming and compound parts in mind; none was copied from the program's output. Where
//! the program disagrees with what a demanding user expects, the row stands in [`KNOWN_GAPS`]
//! with the user's expectation and the reason it fails; that table runs in an ignored test
//! (`cargo test --test search_relevance -- --ignored`), so the main test passes and the gaps
//! stay documented. The ignored test's report lists the gaps that have been fixed since: move
//! those rows to [`ROWS`].
//!
//! The index is built once and shared by every row (and by both tables when they run at the
//! same time); each table runs in one test that collects every miss and reports them all
//! together.

mod common;

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex, PoisonError, Weak};

use common::*;
use serde_json::Value;
use tempfile::TempDir;

/// What a row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Cat {
    /// German compounds, both directions.
    Compound,
    /// Umlauts and ß typed in any spelling.
    Umlaut,
    /// Typos, within and beyond the allowance.
    Typo,
    /// Plurals, verb forms, cases.
    Inflection,
    /// Quoted phrases.
    Phrase,
    /// `word*`.
    Prefix,
    /// `state:`, `party:`, `outcome:`, `person:`, alone and with words.
    Filter,
    /// `OR`, `-word`, `NOT word`.
    OrNot,
    /// A query in one language finding text in the other.
    CrossLang,
    /// Names of people.
    Name,
    /// Queries that must find nothing.
    NoMatch,
}

/// The documents a row must find.
#[derive(Debug, Clone, Copy)]
enum Found {
    /// These and no others.
    Exactly(&'static [&'static str]),
    /// At least these (listing all would be brittle: the word is everywhere).
    AtLeast(&'static [&'static str]),
    /// Every document but these, and no others (`Wahl`: every document holds `Wahl`, `Wahlen`
    /// or a compound with it but Rhode Island, whose only form is `gewählte`, "elected").
    AllBut(&'static [&'static str]),
    /// Nothing: exit 1, no hits.
    Nothing,
}

use Found::{AllBut, AtLeast, Exactly, Nothing};

impl Found {
    /// The documents the row names.
    fn ids(&self) -> &'static [&'static str] {
        match self {
            Exactly(ids) | AtLeast(ids) | AllBut(ids) => ids,
            Nothing => &[],
        }
    }
}

/// One query and what it must give.
#[derive(Debug, Clone, Copy)]
struct Row {
    cat: Cat,
    /// `--lang`.
    lang: &'static str,
    /// The query, passed as one argument.
    query: &'static str,
    found: Found,
    /// The first hit, where one is clearly right.
    top: Option<&'static str>,
    /// The first hit's `sentence` in this language contains this text.
    sentence: Option<(&'static str, &'static str)>,
    /// Hits found by what their facts say (`kb::knowledge`), which no sentence of theirs
    /// says: they come without a highlighted sentence.
    by_facts: &'static [&'static str],
    /// Why the expectation is what it is (from the corpus).
    why: &'static str,
}

const fn row(
    cat: Cat,
    lang: &'static str,
    query: &'static str,
    found: Found,
    why: &'static str,
) -> Row {
    Row {
        cat,
        lang,
        query,
        found,
        top: None,
        sentence: None,
        by_facts: &[],
        why,
    }
}

impl Row {
    const fn top(mut self, id: &'static str) -> Row {
        self.top = Some(id);
        self
    }

    const fn sentence(mut self, lang: &'static str, text: &'static str) -> Row {
        self.sentence = Some((lang, text));
        self
    }

    const fn by_facts(mut self, ids: &'static [&'static str]) -> Row {
        self.by_facts = ids;
        self
    }
}

use Cat::*;

/// `Vorwahl`/`Vorwahlen` in German, `primary`/`primaries` in English: the same documents.
const PRIMARIES: &[&str] = &[
    "overview",
    "mn",
    "ms",
    "mt",
    "ne",
    "nh",
    "nm",
    "nc",
    "ok-special",
    "sc",
    "tx",
];

/// Resignations: `Rücktritt` (mt, sc-special), `zurücktreten` (ok-special), `trat ... zurück`
/// / `had resigned` (ma); the glossary pairs them with `resign`, `resignation`, `withdrawal`.
const RESIGNED: &[&str] = &["ma", "mt", "ok-special", "sc-special"];

/// `Außenseiterchancen` / `outside chance`.
const OUTSIDERS: &[&str] = &["id", "ma", "mt"];

/// `Favorit` / `favorite`.
const FAVORITES: &[&str] = &["hi-special", "il", "mi", "mn", "ne", "ok"];

/// `ernannte` / `appointed` (Montana's German says `nominierte`, its English `appointed`).
const APPOINTED: &[&str] = &["hi-special", "ma", "mt", "sc-special"];

/// `Kopf-an-Kopf-Rennen` / `neck-and-neck race`.
const NECK_AND_NECK: &[&str] = &["ia", "nh", "nc"];

/// `Obama` (`Obamas`, `Obama's`): the overview and five races.
const OBAMA: &[&str] = &["overview", "ma", "ne", "nj", "nc", "sc-special"];

/// `Geschäftsmann`, `Unternehmer` / `businessman` (one glossary term).
const BUSINESS: &[&str] = &["de", "ga", "ks", "mn", "nm", "sd", "tx"];

/// The queries and what they must give.
#[rustfmt::skip]
const ROWS: &[Row] = &[
    // Compounds, both directions.
    row(Compound, "de", "Plagiat", Exactly(&["mt"]), "only in `Plagiatsvorwurfs`; en `plagiarism`").top("mt"),
    row(Compound, "de", "Vorwurf", Exactly(&["mt"]), "second part of `Plagiatsvorwurfs`, nowhere else"),
    row(Compound, "de", "Anwalt", Exactly(&["id", "ne", "tn"]), "`Staatsanwalt` id, `Rechtsanwalt` ne, `Anwalt` tn (the exact word ranks first)").top("tn"),
    row(Compound, "de", "Staatsanwalt", Exactly(&["id"]), "Nels Mitchell, a prosecutor; not the other lawyers"),
    row(Compound, "de", "Ärztin", Exactly(&["or"]), "`Kinderärztin` Monica Wehby"),
    row(Compound, "de", "Kinderärztin", Exactly(&["or"]), "the compound itself"),
    row(Compound, "de", "Wahl", AllBut(&["ri"]), "ar ga ms tn tx have only compounds (`Wiederwahl`, `Wahlausgang`, `Vorwahl`, `Wahlgang`, `Hauptwahl`)"),
    row(Compound, "de", "Stichwahl", Exactly(&["overview", "la"]), "the runoff rule for Louisiana and Georgia; la went to a runoff (its facts)").by_facts(&["la"]),
    // `Vorwahl` itself: see KNOWN_GAPS; `primaries` and `Vorwahl outcome:gain` pass.
    row(Compound, "de", "Plagiatsvorwurf", Exactly(&["mt"]), "the text has the genitive `Plagiatsvorwurfs`").top("mt"),
    row(Compound, "de", "Chance", Exactly(&["id", "ks", "ma", "ms", "mt", "nm", "or"]), "`Chancen`, `Außenseiterchancen`, `Siegeschancen`; en `chance`"),
    row(Compound, "de", "Kaufmann", Exactly(&["ok"]), "`Versicherungskaufmann` Matt Silverstein"),
    row(Compound, "de", "Versicherung", Exactly(&["ok"]), "first part of `Versicherungskaufmann`"),
    row(Compound, "de", "Sieg", Exactly(&["ak", "de", "ma", "ms", "nm", "or"]), "`Sieg` de ma nm, `siegen` ak, `Wahlsieg` or, `Siegeschancen` ms"),
    row(Compound, "de", "Siegeschancen", AtLeast(&["ms"]), "the compound stands in ms; `Chancen auf den (Wahl)Sieg` (ma nm or) may follow").top("ms"),
    // Umlauts and ß.
    // German output for these: see KNOWN_GAPS.
    row(Umlaut, "en", "Rücktritt", Exactly(RESIGNED), "mt, sc-special; glossary `resign(ation)`: ma, ok-special"),
    row(Umlaut, "en", "Ruecktritt", Exactly(RESIGNED), "ue for ü"),
    row(Umlaut, "en", "Rucktritt", Exactly(RESIGNED), "u for ü"),
    row(Umlaut, "en", "RÜCKTRITT", Exactly(RESIGNED), "upper case"),
    row(Umlaut, "de", "Außenseiter", Exactly(OUTSIDERS), "`Außenseiterchancen`; en `outside chance`"),
    row(Umlaut, "de", "Aussenseiter", Exactly(OUTSIDERS), "ss for ß"),
    row(Umlaut, "de", "turnusgemaess", Exactly(&["overview", "ma"]), "`turnusgemäßen` typed with ae and ss"),
    row(Umlaut, "de", "Altersgruende", Exactly(&["ga", "ia"]), "`Altersgründen` typed with ue"),
    // Typos: one from five letters, two from nine, none below five.
    row(Typo, "de", "Plagait", Exactly(&["mt"]), "transposed `Plagiat`, a compound part").top("mt"),
    row(Typo, "en", "Merkly", Exactly(&["or"]), "`Merkley` less an e"),
    row(Typo, "en", "McConnel", Exactly(&["ky"]), "`McConnell` less an l"),
    row(Typo, "en", "Shaheeen", Exactly(&["nh"]), "one e too many"),
    row(Typo, "en", "plagarism", Exactly(&["mt"]), "`plagiarism` less an i"),
    row(Typo, "de", "Nunn", Exactly(&["ga"]), "control for the next row: Michelle Nunn"),
    row(Typo, "de", "Nunm", Nothing, "four letters: no typo allowed"),
    row(Typo, "de", "Zustimunswerte", Exactly(&["ky"]), "two letters missing from `Zustimmungswerte` (16 letters)"),
    row(Typo, "en", "Rokefelle", Exactly(&["wv"]), "nine letters, two edits from `Rockefeller`"),
    row(Typo, "en", "Lenkfrod", Nothing, "eight letters, two edits from `Lankford`: one allowed"),
    row(Typo, "de", "Stichwhall", Exactly(&["overview", "la"]), "ten letters, two edits from `Stichwahl` after its first letter; la went to a runoff (its facts)").by_facts(&["la"]),
    row(Typo, "de", "Ztichwahl", Exactly(&["overview", "la"]), "one edit, on the first letter; la went to a runoff (its facts)").by_facts(&["la"]),
    row(Typo, "de", "Ztichwahll", Nothing, "two edits, one on the first letter: a word whose first letter is wrong gets one"),
    row(Typo, "en", "Sustimmungswerte", Exactly(&["ky"]), "one edit from `Zustimmungswerte`, on the first letter"),
    row(Typo, "en", "Sustimungswerte", Nothing, "two edits, one on the first letter (`Zustimunswerte` above has two after it)"),
    row(Typo, "en", "favourites", Exactly(FAVORITES), "British spelling and plural: two edits from `favorite`, ten letters"),
    row(Typo, "de", "Ernst", AtLeast(&["ia"]), "Joni Ernst; `erst` (ms, sc-special) is a typo away and must rank below").top("ia"),
    row(Typo, "en", "Rounds", AtLeast(&["sd"]), "Mike Rounds; `second round` (ms) must rank below").top("sd"),
    // Inflection.
    // German output for `Senatoren` and `ernannt`: see KNOWN_GAPS.
    row(Inflection, "en", "Senatoren", AtLeast(&["overview"]), "the only exact `Senatoren`; `Senator` is everywhere").top("overview"),
    row(Inflection, "en", "senators", AtLeast(&["overview"]), "the only exact `senators`").top("overview"),
    row(Inflection, "en", "elections", AtLeast(&["overview", "sc-special"]), "exact plural in both; `election` is everywhere").top("overview"),
    row(Inflection, "en", "appointed", Exactly(APPOINTED), "en `appointed`; de `ernannte`"),
    row(Inflection, "en", "ernannt", Exactly(APPOINTED), "`ernannte`; glossary `appointed` adds mt"),
    row(Inflection, "en", "resigned", Exactly(RESIGNED), "`resigned`, `resign`, `resignation`"),
    row(Inflection, "en", "prevail", Exactly(&["mn", "ne", "nc", "sc"]), "`prevailed`"),
    row(Inflection, "de", "Favoriten", Exactly(FAVORITES), "plural of `Favorit`"),
    row(Inflection, "de", "nominiert", AtLeast(&["co", "hi-special", "il", "me", "mt"]), "`nominiert`, `nominierte`, `nominierten`"),
    row(Inflection, "de", "Plagiatsvorwürfe", Exactly(&["mt"]), "plural of the compound"),
    // Phrases.
    row(Phrase, "en", "\"Max Baucus\"", Exactly(&["mt"]), "his resignation opens Montana").top("mt"),
    row(Phrase, "de", "\"Mark Udall\"", Exactly(&["co", "nm"]), "his race, and his cousin's"),
    row(Phrase, "de", "\"Tom Udall\"", Exactly(&["nm"]), "only New Mexico"),
    row(Phrase, "en", "\"Tom Pryor\"", Nothing, "ar has `Tom Cotton` and `Mark Pryor`, never adjacent"),
    row(Phrase, "de", "\"knapp mehr als\"", Exactly(&["ks", "ok", "sd"]), "`knapp mehr als 53/70/50 %`"),
    row(Phrase, "en", "\"just over\"", Exactly(&["ks", "ok", "sd"]), "the same three in English"),
    row(Phrase, "en", "\"Secretary of State\"", Exactly(&["ky", "ma", "mi", "wv"]), "Kerry (ma) and three state officers"),
    row(Phrase, "de", "\"Senator Inhofe\"", Exactly(&["ok", "ok-special"]), "his race and the comparison in the special"),
    row(Phrase, "de", "48.2%", Exactly(&["co"]), "`48,2 %` / `48.2%`: Gardner's share (nc has 48,8)"),
    // Prefixes.
    row(Prefix, "de", "plag*", Exactly(&["mt"]), "`Plagiatsvorwurfs`, `plagiarism`"),
    row(Prefix, "de", "Stich*", Exactly(&["overview", "la"]), "`Stichwahl`; la went to a runoff (its facts)").by_facts(&["la"]),
    row(Prefix, "de", "Kopf*", Exactly(NECK_AND_NECK), "`Kopf-an-Kopf-Rennen`"),
    row(Prefix, "de", "afroamerik*", Exactly(&["nj", "ok-special", "sc-special"]), "`afroamerikanische(n)`, `Afroamerikanerin`"),
    row(Prefix, "en", "withdr*", Exactly(&["ks", "mt"]), "`withdrew`, `withdrawal`"),
    row(Prefix, "en", "Udal*", Exactly(&["co", "nm"]), "both Udalls"),
    row(Prefix, "de", "Rück*", Exactly(&["ks", "ma", "mt", "ok-special", "sc-special"]), "`Rücktritt` in mt sc-special; the facts' `Rücktritt` (resigned: ma ok-special) and `Rückzug` (withdrew: ks); `zurück...` does not start with it").by_facts(&["ks", "ma", "ok-special"]),
    row(Prefix, "de", "Aussen*", Exactly(&["id", "ma", "mt"]), "`Außenseiterchancen`, `Außenminister` (ma)"),
    // Filters.
    row(Filter, "en", "state:MT", Exactly(&["mt"]), "Montana"),
    row(Filter, "de", "state:Oklahoma", Exactly(&["ok", "ok-special"]), "regular and special election"),
    row(Filter, "de", "staat:\"South Carolina\"", Exactly(&["sc", "sc-special"]), "German filter name, quoted value"),
    row(Filter, "en", "party:R outcome:gain", Exactly(&["ak", "ar", "co", "ia", "la", "mt", "nc", "sd", "wv"]), "the nine Republican gains (facts)"),
    row(Filter, "de", "outcome:hold party:D", Exactly(&["de", "hi-special", "il", "ma", "mi", "mn", "nh", "nj", "nm", "or", "ri", "va"]), "every Democratic winner held"),
    row(Filter, "en", "person:udall", Exactly(&["co", "nm"]), "Mark Udall (co, mentioned in nm) and Tom Udall (nm)"),
    row(Filter, "en", "person:\"tom udall\"", Exactly(&["nm"]), "Tom Udall only"),
    row(Filter, "de", "person:merkly", Exactly(&["or"]), "a typo in the name"),
    row(Filter, "en", "person:obama", Exactly(OBAMA), "everywhere he is mentioned"),
    row(Filter, "en", "person:scott", Exactly(&["nh", "sc-special"]), "Scott Brown (nh) by first name and Tim Scott (sc-special) by surname, as `person Scott` lists them"),
    row(Filter, "de", "Umfrage state:MT", Exactly(&["mt"]), "`laut Umfragen` in Montana"),
    row(Filter, "de", "Favorit party:D", Exactly(&["hi-special", "il", "mi", "mn"]), "favourites who are Democratic winners (not ne, ok)"),
    row(Filter, "de", "Vorwahl outcome:gain", Exactly(&["mt", "nc"]), "primaries in gained seats"),
    row(Filter, "en", "party:R Kopf-an-Kopf-Rennen", Exactly(&["ia", "nc"]), "close races a Republican won (nh went D)"),
    row(Filter, "en", "state:MT Obama", Nothing, "Montana never names Obama"),
    // OR and exclusion.
    row(OrNot, "de", "Stichwahl OR runoff", Exactly(&["overview", "la"]), "the same thing in both languages; la went to a runoff (its facts)").by_facts(&["la"]),
    row(OrNot, "de", "Kinderärztin OR Staatsanwalt", Exactly(&["id", "or"]), "one each"),
    row(OrNot, "en", "Plagiat OR Hochburg", Exactly(&["mt", "nj"]), "one each"),
    row(OrNot, "de", "Obama -Romney", Exactly(&["overview", "ma", "nj", "sc-special"]), "Romney stands in ne and nc"),
    row(OrNot, "de", "Obama -Präsident", Exactly(&["nj", "nc", "sc-special"]), "`Präsident` in overview, ma (`US-Präsident`), ne"),
    row(OrNot, "en", "Obama NOT Kerry", Exactly(&["overview", "ne", "nj", "nc", "sc-special"]), "Kerry only in ma"),
    row(OrNot, "de", "Außenseiterchancen -Montana", Exactly(&["id", "ma"]), "mt names Montana"),
    row(OrNot, "en", "state:MT OR state:CO", Exactly(&["co", "mt"]), "filters as alternatives"),
    // Across languages.
    row(CrossLang, "en", "Stichwahl", Exactly(&["overview", "la"]), "German word, English answer; la went to a runoff (its facts)").top("overview").sentence("en", "runoff").by_facts(&["la"]),
    row(CrossLang, "en", "plagiarism", Exactly(&["mt"]), "en text").top("mt").sentence("de", "Plagiatsvorwurfs"),
    row(CrossLang, "de", "plagiarism", Exactly(&["mt"]), "English word, German answer").top("mt").sentence("de", "Plagiatsvorwurfs"),
    row(CrossLang, "en", "runoff", Exactly(&["overview", "la"]), "the overview has the runoff rule; la went to a runoff (its facts)").top("overview").by_facts(&["la"]),
    row(CrossLang, "en", "neck-and-neck", Exactly(NECK_AND_NECK), "en text"),
    row(CrossLang, "de", "Kopf-an-Kopf-Rennen", Exactly(NECK_AND_NECK), "de text"),
    row(CrossLang, "en", "Kopf-an-Kopf-Rennen", Exactly(NECK_AND_NECK), "German word, English output"),
    row(CrossLang, "en", "pediatrician", Exactly(&["or"]), "`Kinderärztin`"),
    row(CrossLang, "de", "prosecutor", Exactly(&["id"]), "`Staatsanwalt`"),
    row(CrossLang, "de", "Geschäftsmann", Exactly(BUSINESS), "`Geschäftsmann` de sd tx, `Unternehmer` ga ks mn nm, `businessman` all"),
    row(CrossLang, "en", "businessman", Exactly(BUSINESS), "the same term from English"),
    row(CrossLang, "en", "Hochburg", Exactly(&["nj"]), "`stronghold`"),
    row(CrossLang, "de", "ambassador", Exactly(&["mt"]), "`US-Botschafter`").sentence("de", "Botschafter"),
    row(CrossLang, "en", "midterms", Exactly(&["overview"]), "`Halbzeitwahlen (Midterm elections)`"),
    row(CrossLang, "en", "lawyer", AtLeast(&["ne", "tn"]), "`attorney`, `Rechtsanwalt`, `Anwalt`"),
    row(CrossLang, "de", "\"dead heat\"", Exactly(NECK_AND_NECK), "not in the text; the glossary's `Kopf-an-Kopf-Rennen`"),
    row(CrossLang, "de", "underdog", Exactly(OUTSIDERS), "not in the text; the glossary's `Außenseiterchancen`"),
    row(CrossLang, "de", "primaries", Exactly(PRIMARIES), "`Vorwahl(en)`"),
    // Names.
    row(Name, "de", "Obama", Exactly(OBAMA), "overview (also `Obamas`) and ma ne nj nc sc-special"),
    row(Name, "en", "Obama", Exactly(OBAMA), "the same in English (`Obama's`)"),
    row(Name, "de", "McConnell", Exactly(&["ky"]), "the text also has `McConnells`").top("ky"),
    row(Name, "de", "McConnells", Exactly(&["ky"]), "the genitive typed"),
    row(Name, "en", "McConnell's", Exactly(&["ky"]), "the English possessive typed"),
    row(Name, "de", "Johnson", Exactly(&["ok-special", "sd"]), "Connie Johnson and Tim Johnson"),
    row(Name, "en", "Inhofe", Exactly(&["ok", "ok-special"]), "his race, and the comparison"),
    row(Name, "de", "Obama Kerry", Exactly(&["ma"]), "both words in one race"),
    row(Name, "en", "Romney", Exactly(&["ne", "nc"]), "Mitt Romney, mentioned"),
    // Nothing at all.
    row(NoMatch, "de", "Xylophonquatsch", Nothing, "nonsense"),
    row(NoMatch, "en", "zzqx", Nothing, "short nonsense"),
    row(NoMatch, "en", "Plagiat Xylophonquatsch", Nothing, "every word must match"),
    row(NoMatch, "de", "Obama Quarkbrötchen", Nothing, "a real name and a word the corpus lacks"),
    // Former gaps (see KNOWN_GAPS), fixed: the notes say what used to go wrong.
    // Compound parts matched anywhere in the race (compile.rs, `own_parts`): a compound typed
    // finds every race that has its parts as separate words in any two sentences, and the
    // matcher, which wants them in one sentence, then finds no sentence to show.
    row(Compound, "de", "Vorwahl", Exactly(PRIMARIES), "sc-special has `vor` (`deutlich vor Dickerson`) and `Wahl` but no primary; it comes back without a sentence"),
    row(Compound, "de", "Senatswahl", AtLeast(&["al", "ks", "ky", "mn", "overview"]), "`Senat` and `Wahl` in different sentences give eight hits without a sentence"),
    row(Compound, "de", "Wahlsieg", AtLeast(&["or"]), "ak de ma ms nm come back without a sentence").top("or"),
    // Feminine forms: the dictionary holds `ärztin` and `chirurgin`; `-in` is never removed.
    row(Compound, "de", "Arzt", Exactly(&["or"]), "`Kinderärztin`: the masculine form finds nothing"),
    row(Compound, "de", "Chirurg", Exactly(&["or"]), "`Neurochirurgin`: the masculine form finds nothing"),
    // The dictionary lacks `gegen`: `Gegenkandidaten` does not split, al is found only through
    // its English `opposing candidate`, and the German snippet has nothing highlighted.
    row(Compound, "de", "Kandidat state:AL", Exactly(&["al"]), "`Gegenkandidaten` is not highlighted"),
    // Glossary precision.
    row(CrossLang, "de", "Außenminister", Exactly(&["ma"]), "the glossary's `Secretary of State` adds the state officers of ky mi wv"),
    row(CrossLang, "en", "withdraw", Exactly(&["ks", "mt"]), "`withdrawal` is a form of the `Rücktritt` term, so `withdraw` brings in the resignations ma ok-special sc-special"),
    row(Inflection, "en", "withdrew", Exactly(&["ks", "mt"]), "Porter leaves `withdrew`; mt's `withdrawal` is missed"),
    row(Inflection, "de", "zurückgetreten", Exactly(RESIGNED), "the participle's `-ge-` defeats the stemmer and the glossary (`zurücktreten`); only a typo match on ok-special"),
    // Found through the other language only: the snippet, always in the output language, has
    // nothing to highlight.
    row(Umlaut, "de", "Rücktritt", Exactly(RESIGNED), "ma: found through `had resigned`; the German `trat dieser zurück` is not highlighted"),
    row(Inflection, "de", "ernannt", Exactly(APPOINTED), "mt: found through `appointed`; the German says `nominierte`"),
    row(Inflection, "de", "Senatoren", AtLeast(&["overview"]), "Porter stems `senators` and `Senate` alike: la me nc or ri come back with `Senat` unhighlighted").top("overview"),
    row(CrossLang, "de", "neck-and-neck", Exactly(NECK_AND_NECK), "the glossary form is `neck-and-neck race`; a part of a form does not bridge"),
    row(Compound, "en", "Versicherung", Exactly(&["ok"]), "`insurance agent` is no glossary term"),
];

/// What a demanding user expects and the program does not deliver yet. Each row names the
/// cause; the report of the ignored test shows what the program returns instead.
#[rustfmt::skip]
const KNOWN_GAPS: &[Row] = &[
    // Empty: the fifteen gaps first found here (compound parts matched across sentences,
    // feminine parts, `gegen`, two over-broad glossary forms, irregular forms, matches visible
    // only in the other language) were fixed and their rows moved to ROWS under
    // "Former gaps".
];

/// The index every row searches: built on first use and shared by the tests that run at the
/// same time; removed when the last of them is done (a `static` would never be dropped).
fn shared_index() -> Arc<TempDir> {
    static INDEX: Mutex<Weak<TempDir>> = Mutex::new(Weak::new());
    let mut slot = INDEX.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(dir) = slot.upgrade() {
        return dir;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let out = cmd()
        .arg("--index")
        .arg(dir.path())
        .arg("index")
        .output()
        .expect("run senate-kb index");
    assert_eq!(out.status.code(), Some(0), "index: {}", stderr(&out));
    let dir = Arc::new(dir);
    *slot = Arc::downgrade(&dir);
    dir
}

/// Whether a query holds words besides its filters (`name:value`, `name:"a value"`) and
/// operators.
fn has_words(query: &str) -> bool {
    let mut rest = query.trim_start();
    while !rest.is_empty() {
        let (token, after) = match rest.find(char::is_whitespace) {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        let filter = token
            .split_once(':')
            .is_some_and(|(name, _)| !name.is_empty() && name.chars().all(char::is_alphabetic));
        let operator = ["OR", "AND", "NOT", "ODER", "UND", "NICHT"].contains(&token);
        if !filter && !operator {
            return true;
        }
        rest = after;
        if let Some(value) = token.split_once(':').map(|(_, v)| v) {
            if value.starts_with('"') && !(value.len() > 1 && value.ends_with('"')) {
                // A quoted value with a space: skip to its closing quote.
                rest = rest.split_once('"').map_or("", |(_, r)| r);
            }
        }
        rest = rest.trim_start();
    }
    false
}

/// Runs one row and returns what is wrong with the answer (empty when it is right).
fn check(row: &Row, index: &TempDir) -> Vec<String> {
    let out = cmd()
        .arg("--index")
        .arg(index.path())
        .args([
            "--lang", row.lang, "--json", "search", "--limit", "100", row.query,
        ])
        .output()
        .expect("run senate-kb search");
    let mut problems = Vec::new();
    let want_code = if matches!(row.found, Nothing) { 1 } else { 0 };
    if out.status.code() != Some(want_code) {
        problems.push(format!(
            "exit {:?}, want {want_code}; stderr: {}",
            out.status.code(),
            stderr(&out).trim()
        ));
    }
    let json: Value = match serde_json::from_str(&stdout(&out)) {
        Ok(json) => json,
        Err(e) => {
            problems.push(format!(
                "stdout is no JSON document ({e}): {}",
                stdout(&out)
            ));
            return problems;
        }
    };
    if json["lang"] != row.lang {
        problems.push(format!("lang {}, want {}", json["lang"], row.lang));
    }
    let hits = json["hits"].as_array().cloned().unwrap_or_default();
    let ids: Vec<&str> = hits.iter().filter_map(|h| h["id"].as_str()).collect();
    if json["total"].as_u64() != Some(hits.len() as u64) {
        problems.push(format!("total {}, but {} hits", json["total"], hits.len()));
    }
    let got: BTreeSet<&str> = ids.iter().copied().collect();
    let want: BTreeSet<&str> = match row.found {
        Exactly(ids) | AtLeast(ids) => ids.iter().copied().collect(),
        AllBut(but) => document_ids()
            .into_iter()
            .filter(|d| !but.contains(d))
            .collect(),
        Nothing => BTreeSet::new(),
    };
    match row.found {
        Exactly(_) | AtLeast(_) | AllBut(_) => {
            let missing: Vec<_> = want.difference(&got).collect();
            if !missing.is_empty() {
                problems.push(format!("missing {missing:?}"));
            }
            if matches!(row.found, Exactly(_) | AllBut(_)) {
                let extra: Vec<_> = got.difference(&want).collect();
                if !extra.is_empty() {
                    problems.push(format!("unexpected {extra:?}"));
                }
            }
        }
        Nothing => {
            if !ids.is_empty() {
                problems.push(format!("want nothing, found {ids:?}"));
            }
        }
    }
    if let Some(top) = row.top {
        if ids.first() != Some(&top) {
            problems.push(format!("top {:?}, want {top}", ids.first()));
        }
    }
    if let Some((lang, text)) = row.sentence {
        let sentence = hits
            .first()
            .and_then(|h| h["sentence"][lang].as_str())
            .unwrap_or_default();
        if !sentence.contains(text) {
            problems.push(format!("top sentence.{lang} {sentence:?} lacks {text:?}"));
        }
    }
    let words = has_words(row.query);
    for hit in &hits {
        let id = hit["id"].as_str().unwrap_or("?");
        let snippet = hit["snippet"].as_str().unwrap_or_default();
        let len = snippet.chars().count() as u64;
        let highlights = hit["highlights"].as_array().cloned().unwrap_or_default();
        for h in &highlights {
            let (a, b) = (h[0].as_u64(), h[1].as_u64());
            let inside = matches!((a, b), (Some(a), Some(b)) if a < b && b <= len);
            if !inside {
                problems.push(format!(
                    "{id}: highlight {h} outside snippet of {len} chars"
                ));
            }
        }
        if words && highlights.is_empty() && !row.by_facts.contains(&id) {
            problems.push(format!("{id}: no highlight in snippet {snippet:?}"));
        }
    }
    if !problems.is_empty() {
        problems.push(format!("got {ids:?}"));
    }
    problems
}

/// Runs a table, returning one report per failing row.
fn run_table(rows: &[Row]) -> Vec<String> {
    let index = shared_index();
    rows.iter()
        .filter_map(|row| {
            let problems = check(row, &index);
            (!problems.is_empty()).then(|| {
                format!(
                    "--lang {} search {:?} [{:?}; {}]\n    {}",
                    row.lang,
                    row.query,
                    row.cat,
                    row.why,
                    problems.join("\n    ")
                )
            })
        })
        .collect()
}

#[test]
fn relevance_table() {
    let failures = run_table(ROWS);
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        ROWS.len(),
        failures.join("\n")
    );
}

/// The documented gaps: run with `--ignored`; every row is expected to fail until fixed.
#[test]
#[ignore = "known relevance gaps; see KNOWN_GAPS"]
fn known_gaps() {
    let failures = run_table(KNOWN_GAPS);
    let open: BTreeSet<&str> = failures
        .iter()
        .filter_map(|f| f.split_once(" [").map(|(head, _)| head))
        .collect();
    let fixed: Vec<String> = KNOWN_GAPS
        .iter()
        .map(|row| format!("--lang {} search {:?}", row.lang, row.query))
        .filter(|head| !open.contains(head.as_str()))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} known gaps still open:\n{}\nfixed (move to ROWS): {fixed:?}",
        failures.len(),
        KNOWN_GAPS.len(),
        failures.join("\n")
    );
}

#[test]
fn the_table_is_wide_enough() {
    let mut per_cat = std::collections::BTreeMap::new();
    for row in ROWS {
        *per_cat.entry(row.cat).or_insert(0) += 1;
    }
    for cat in [
        Compound, Umlaut, Typo, Inflection, Phrase, Prefix, Filter, OrNot, CrossLang, Name, NoMatch,
    ] {
        assert!(
            per_cat.get(&cat).copied().unwrap_or(0) >= 2,
            "{cat:?}: {per_cat:?}"
        );
    }
    let langs: BTreeSet<&str> = ROWS.iter().map(|r| r.lang).collect();
    assert_eq!(langs, BTreeSet::from(["de", "en"]));
    assert!(ROWS.len() >= 45);
    // Every id named is a document.
    let docs = document_ids();
    for row in ROWS.iter().chain(KNOWN_GAPS) {
        let named = row.found.ids();
        for id in named.iter().chain(row.top.iter()) {
            assert!(docs.contains(id), "{:?}: unknown id {id}", row.query);
        }
    }
}
