//! Locale parity: every Fluent resource parses, both languages have the same messages and
//! attributes, and every message resolves in each language on its own (a single-language
//! bundle, no fallback) with arguments that reach every branch of every selector, without
//! Fluent errors, unresolved placeables or Unicode isolation marks. German text that merely
//! repeats the English is caught too.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast;
use senate_kb::l10n::{self, Lang};

/// Messages whose German text is the English text, on purpose: the German word is the same
/// (`Text`, `NAME`), or the message is pure structure with every word coming from its
/// arguments (`race-choice` is `{ $id } ({ $title })`, `person-race` is `{ $title } — { $roles
/// }`). Anything else identical is an untranslated string.
const SAME_IN_BOTH: [&str; 4] = [
    "cli-value-name",
    "heading-text",
    "person-race",
    "race-choice",
];

/// Variants that are empty on purpose: the share or margin phrase is left out of the
/// one-line answer when the article states none (`qualifier = none`).
const EMPTY_ALLOWED: [(&str, &str, &str); 2] = [
    ("share-phrase", "qualifier", "none"),
    ("margin-phrase", "qualifier", "none"),
];

/// The sample number for each plural category used in en/de: 1 is `one`, 5 is `other` in
/// both languages (checked by `plural_samples_reach_their_category`). Other categories
/// (`zero`, `two`, `few`, `many`) cannot be reached in English or German: a key like that is
/// a dead branch and fails the test.
fn plural_sample(category: &str) -> Option<f64> {
    match category {
        "one" => Some(1.0),
        "other" => Some(5.0),
        _ => None,
    }
}

const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// A number shown by `NUMBER()` but not selected on: with a fraction, so that the decimal
/// separator of each language shows.
const SAMPLE_NUMBER: f64 = 48.2;

fn parse(text: &str, what: &str) -> ast::Resource<String> {
    match fluent_syntax::parser::parse(text.to_string()) {
        Ok(resource) => resource,
        Err((_, errors)) => {
            let lines: Vec<String> = errors
                .iter()
                .map(|e| {
                    let line = text[..e.pos.start.min(text.len())].matches('\n').count() + 1;
                    format!("{what}:{line}: {:?}", e.kind)
                })
                .collect();
            panic!("{} does not parse:\n{}", what, lines.join("\n"))
        }
    }
}

/// The messages of a language's embedded resource, by id.
fn messages(lang: Lang) -> BTreeMap<String, ast::Message<String>> {
    parse(l10n::resource_text(lang), lang.locale_dir())
        .body
        .into_iter()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => Some((m.id.name.clone(), m)),
            _ => None,
        })
        .collect()
}

/// Every `message` and `message.attribute` id of a language.
fn ids(lang: Lang) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for (id, m) in messages(lang) {
        if m.value.is_some() {
            ids.insert(id.clone());
        }
        for a in &m.attributes {
            ids.insert(format!("{id}.{}", a.id.name));
        }
    }
    ids
}

fn ftl_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            ftl_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "ftl") {
            out.push(path);
        }
    }
}

#[test]
fn every_ftl_file_parses_and_is_embedded() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("locales");
    let mut files = Vec::new();
    ftl_files(&root, &mut files);
    files.sort();
    assert!(!files.is_empty(), "no .ftl under {}", root.display());
    let mut on_disk = BTreeSet::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let resource = parse(&text, &path.display().to_string());
        assert!(
            !resource
                .body
                .iter()
                .any(|e| matches!(e, ast::Entry::Junk { .. })),
            "{} has junk",
            path.display()
        );
        let rel = path.strip_prefix(&root).unwrap().to_string_lossy();
        on_disk.insert(rel.replace('\\', "/"));
    }
    let embedded: BTreeSet<String> = senate_kb::embedded::LOCALE_FILES
        .iter()
        .filter(|(p, _)| p.ends_with(".ftl"))
        .map(|(p, _)| p.to_string())
        .collect();
    assert_eq!(embedded, on_disk, "the binary embeds other .ftl files");
    for lang in Lang::ALL {
        let path = format!("{}/main.ftl", lang.locale_dir());
        assert!(on_disk.contains(&path), "{path} is missing");
        assert!(!l10n::resource_text(lang).is_empty(), "{path} is empty");
    }
}

#[test]
fn both_languages_have_the_same_messages_and_attributes() {
    let mut problems = Vec::new();
    for (a, b) in [(Lang::En, Lang::De), (Lang::De, Lang::En)] {
        let theirs = ids(b);
        for id in ids(a).difference(&theirs) {
            problems.push(format!(
                "{id} is in {} but missing in {}",
                a.locale_dir(),
                b.locale_dir()
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    assert!(ids(Lang::En).len() > 100, "suspiciously few messages");
}

#[test]
fn no_message_is_defined_twice() {
    for lang in Lang::ALL {
        let resource = parse(l10n::resource_text(lang), lang.locale_dir());
        let mut seen = BTreeSet::new();
        for entry in &resource.body {
            if let ast::Entry::Message(m) = entry {
                assert!(
                    seen.insert(m.id.name.clone()),
                    "{}: {} twice",
                    lang.locale_dir(),
                    m.id.name
                );
            }
        }
    }
}

/// What a message does with its variables, its referenced messages included.
#[derive(Debug, Default)]
struct Usage {
    /// Variables selected on, with every variant key seen.
    selectors: BTreeMap<String, BTreeSet<String>>,
    /// Variables formatted with `NUMBER()`.
    numeric: BTreeSet<String>,
    /// Variables whose value shows in the text (not only selected on).
    shown: BTreeSet<String>,
}

struct Walker<'a> {
    messages: &'a BTreeMap<String, ast::Message<String>>,
    visited: BTreeSet<String>,
    usage: Usage,
}

impl Walker<'_> {
    fn pattern(&mut self, pattern: &ast::Pattern<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                self.expression(expression);
            }
        }
    }

    fn expression(&mut self, expression: &ast::Expression<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                let var = match selector {
                    ast::InlineExpression::VariableReference { id } => Some(id.name.clone()),
                    ast::InlineExpression::FunctionReference { arguments, .. } => {
                        match arguments.positional.first() {
                            Some(ast::InlineExpression::VariableReference { id }) => {
                                self.usage.numeric.insert(id.name.clone());
                                Some(id.name.clone())
                            }
                            _ => None,
                        }
                    }
                    _ => None,
                };
                if let Some(var) = var {
                    let keys = self.usage.selectors.entry(var).or_default();
                    for v in variants {
                        keys.insert(match &v.key {
                            ast::VariantKey::Identifier { name } => name.clone(),
                            ast::VariantKey::NumberLiteral { value } => value.clone(),
                        });
                    }
                }
                for v in variants {
                    self.pattern(&v.value);
                }
            }
            ast::Expression::Inline(inline) => self.inline(inline, false),
        }
    }

    fn inline(&mut self, inline: &ast::InlineExpression<String>, in_number: bool) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                self.usage.shown.insert(id.name.clone());
                if in_number {
                    self.usage.numeric.insert(id.name.clone());
                }
            }
            ast::InlineExpression::FunctionReference { id, arguments } => {
                let number = id.name == "NUMBER";
                for arg in &arguments.positional {
                    self.inline(arg, number);
                }
            }
            ast::InlineExpression::MessageReference { id, attribute } => {
                let key = format!(
                    "{}{}",
                    id.name,
                    attribute
                        .as_ref()
                        .map(|a| format!(".{}", a.name))
                        .unwrap_or_default()
                );
                if !self.visited.insert(key) {
                    return;
                }
                // A referenced message sees the caller's arguments.
                let Some(m) = self.messages.get(&id.name) else {
                    return;
                };
                let pattern = match attribute {
                    Some(a) => m
                        .attributes
                        .iter()
                        .find(|x| x.id.name == a.name)
                        .map(|x| &x.value),
                    None => m.value.as_ref(),
                };
                if let Some(p) = pattern {
                    self.pattern(p);
                }
            }
            ast::InlineExpression::Placeable { expression } => self.expression(expression),
            // Terms take their own arguments and string/number literals none.
            _ => {}
        }
    }
}

/// The pattern of `id` (`message` or `message.attribute`), if the language has it.
fn pattern<'a>(
    messages: &'a BTreeMap<String, ast::Message<String>>,
    id: &str,
) -> Option<&'a ast::Pattern<String>> {
    let (msg, attr) = match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    };
    let m = messages.get(msg)?;
    match attr {
        Some(a) => m
            .attributes
            .iter()
            .find(|x| x.id.name == a)
            .map(|x| &x.value),
        None => m.value.as_ref(),
    }
}

/// What `id` does with its variables in one language (nothing when it lacks the message:
/// the parity test names that).
fn usage(lang: Lang, id: &str) -> Usage {
    let messages = messages(lang);
    let mut walker = Walker {
        messages: &messages,
        visited: BTreeSet::from([id.to_string()]),
        usage: Usage::default(),
    };
    if let Some(p) = pattern(&messages, id) {
        walker.pattern(p);
    }
    walker.usage
}

/// Sample values for one variable: one per variant key, numbers for plural categories and
/// numeric keys, strings for the other keys; a single sample for variables only shown.
fn samples(
    name: &str,
    keys: Option<&BTreeSet<String>>,
    numeric: bool,
) -> Vec<FluentValue<'static>> {
    let Some(keys) = keys else {
        return vec![if numeric {
            FluentValue::from(SAMPLE_NUMBER)
        } else {
            FluentValue::from(name.to_uppercase())
        }];
    };
    let plural = keys
        .iter()
        .all(|k| PLURAL_CATEGORIES.contains(&k.as_str()) || k.parse::<f64>().is_ok());
    keys.iter()
        .map(|k| {
            if let Ok(n) = k.parse::<f64>() {
                FluentValue::from(n)
            } else if plural {
                let n = plural_sample(k).unwrap_or_else(|| {
                    panic!("${name}: no English or German number reaches the category [{k}]")
                });
                FluentValue::from(n)
            } else {
                FluentValue::from(k.clone())
            }
        })
        .collect()
}

/// Every combination of sample arguments for a message, from what both languages do with it
/// (a selector only German has is still reached in English, and the other way round).
fn argument_sets(id: &str) -> Vec<Vec<(String, FluentValue<'static>)>> {
    let mut selectors: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut numeric = BTreeSet::new();
    let mut vars = BTreeSet::new();
    for lang in Lang::ALL {
        let u = usage(lang, id);
        for (var, keys) in u.selectors {
            vars.insert(var.clone());
            selectors.entry(var).or_default().extend(keys);
        }
        numeric.extend(u.numeric.iter().cloned());
        vars.extend(u.shown);
        vars.extend(u.numeric);
    }
    let mut sets: Vec<Vec<(String, FluentValue<'static>)>> = vec![Vec::new()];
    for var in &vars {
        let values = samples(var, selectors.get(var), numeric.contains(var));
        sets = sets
            .into_iter()
            .flat_map(|set| {
                values.iter().map(move |v| {
                    let mut s = set.clone();
                    s.push((var.clone(), v.clone()));
                    s
                })
            })
            .collect();
    }
    assert!(sets.len() <= 1024, "{id}: {} combinations", sets.len());
    sets
}

fn describe(set: &[(String, FluentValue)]) -> String {
    set.iter()
        .map(|(k, v)| match v {
            FluentValue::String(s) => format!("${k}={s}"),
            FluentValue::Number(n) => format!("${k}={}", n.value),
            _ => format!("${k}=?"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Formats `id` in `bundle` with one argument set, collecting every problem.
fn format(
    bundle: &FluentBundle<FluentResource>,
    id: &str,
    set: &[(String, FluentValue<'static>)],
) -> Result<String, String> {
    let (msg, attr) = match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    };
    let message = bundle.get_message(msg).ok_or("no such message")?;
    let pattern = match attr {
        Some(a) => message.get_attribute(a).map(|a| a.value()),
        None => message.value(),
    }
    .ok_or("no such value or attribute")?;
    let mut args = FluentArgs::new();
    for (k, v) in set {
        args.set(k.clone(), v.clone());
    }
    let mut errors = Vec::new();
    let text = bundle
        .format_pattern(pattern, Some(&args), &mut errors)
        .into_owned();
    if !errors.is_empty() {
        return Err(format!("errors {errors:?} in {text:?}"));
    }
    Ok(text)
}

#[test]
fn plural_samples_reach_their_category() {
    for lang in Lang::ALL {
        let resource =
            FluentResource::try_new("t = { $n ->\n [one] ONE\n *[other] OTHER\n}\n".to_string())
                .unwrap();
        let mut bundle = FluentBundle::new(vec![lang.langid()]);
        bundle.add_resource(resource).unwrap();
        for (category, want) in [("one", "ONE"), ("other", "OTHER")] {
            let n = plural_sample(category).unwrap();
            let got = format(&bundle, "t", &[("n".into(), FluentValue::from(n))]).unwrap();
            assert_eq!(got, want, "{}: {n}", lang.code());
        }
    }
}

#[test]
fn every_message_resolves_in_every_branch_in_each_language_alone() {
    let mut problems = Vec::new();
    let mut formatted = 0;
    for lang in Lang::ALL {
        // The program's own bundle: one language, isolation marks off, no fallback.
        let bundle = l10n::bundle(lang);
        for id in ids(lang) {
            for set in argument_sets(&id) {
                let context = format!("{} {id} [{}]", lang.locale_dir(), describe(&set));
                formatted += 1;
                let text = match format(&bundle, &id, &set) {
                    Ok(text) => text,
                    Err(e) => {
                        problems.push(format!("{context}: {e}"));
                        continue;
                    }
                };
                let may_be_empty = EMPTY_ALLOWED.iter().any(|(m, var, value)| {
                    *m == id
                        && set
                            .iter()
                            .any(|(k, v)| k == var && *v == FluentValue::from(*value))
                });
                if text.trim().is_empty() && !may_be_empty {
                    problems.push(format!("{context}: empty"));
                }
                if text.contains('{') || text.contains('}') {
                    problems.push(format!("{context}: unresolved placeable in {text:?}"));
                }
                if text.contains(['\u{2068}', '\u{2069}']) {
                    problems.push(format!("{context}: isolation marks in {text:?}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    assert!(formatted > 300, "only {formatted} formatted");
}

#[test]
fn every_argument_shown_in_one_language_is_shown_in_the_other() {
    let mut problems = Vec::new();
    for id in ids(Lang::En) {
        let en = usage(Lang::En, &id).shown;
        let de = usage(Lang::De, &id).shown;
        if en != de {
            problems.push(format!("{id}: en shows {en:?}, de shows {de:?}"));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn german_is_not_english() {
    let en = l10n::bundle(Lang::En);
    let de = l10n::bundle(Lang::De);
    let mut identical = BTreeSet::new();
    for id in ids(Lang::En) {
        let same = argument_sets(&id)
            .iter()
            .all(|set| format(&en, &id, set).ok() == format(&de, &id, set).ok());
        if same {
            identical.insert(id);
        }
    }
    let allowed: BTreeSet<String> = SAME_IN_BOTH.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        identical, allowed,
        "messages whose German equals the English (translate them, or explain them in SAME_IN_BOTH)"
    );
}

/// Singular forms that no shipped answer reaches (no party has 1 seat), but another corpus
/// (`--corpus`) can.
#[test]
fn counts_of_one_are_singular() {
    let de = l10n::Localizer::new(Lang::De);
    let en = l10n::Localizer::new(Lang::En);
    for (party, de_one, en_one) in [
        ("D", "1 Demokrat", "1 Democrat"),
        ("R", "1 Republikaner", "1 Republican"),
        ("I", "1 Unabhängiger", "1 independent"),
        ("L", "1 Libertärer", "1 Libertarian"),
    ] {
        let mut args = l10n::Args::new();
        args.set("party", party);
        args.set("count", 1);
        assert_eq!(de.t_args("party-count", &args), de_one);
        assert_eq!(en.t_args("party-count", &args), en_one);
    }
    for qualifier in ["exact", "more_than", "almost", "just_over", "less_than"] {
        let mut args = l10n::Args::new();
        args.set("qualifier", qualifier);
        args.set("points", 1);
        let text = en.t_args("margin-short", &args);
        assert!(text.ends_with(" 1 pt"), "{qualifier}: {text}");
        // The fact row's value may be the number alone: "1 percentage point".
        let text = format!(" {}", en.t_args("margin-value", &args));
        assert!(text.ends_with(" 1 percentage point"), "{qualifier}: {text}");
        let text = format!(" {}", de.t_args("margin-value", &args));
        assert!(text.ends_with(" 1 Prozentpunkt"), "{qualifier}: {text}");
    }
}

/// English needs "an" before "independent".
#[test]
fn an_independent_winner_takes_an() {
    let en = l10n::Localizer::new(Lang::En);
    for outcome in ["gain", "hold"] {
        let mut args = l10n::Args::new();
        args.set("outcome", outcome);
        args.set("party", "I");
        args.set("gender", "male");
        args.set("winner", "Angus King");
        args.set("where", "Maine");
        args.set("share", "");
        args.set("before", "D");
        let text = en.t_args("race-summary", &args);
        assert!(text.contains(", an independent "), "{text}");
    }
}

/// The `stats` races line names its noun once, in the label: "Races: 36, …", never
/// "Races: 36 races"; no special election at all reads as words, not as "0 of them".
#[test]
fn the_races_line_of_stats_names_its_noun_once() {
    let de = l10n::Localizer::new(Lang::De);
    let en = l10n::Localizer::new(Lang::En);
    for (special, de_want, en_want) in [
        (
            0,
            "Rennen: 36, davon keine Sonderwahl",
            "Races: 36, none of them a special election",
        ),
        (
            1,
            "Rennen: 36, davon 1 Sonderwahl",
            "Races: 36, 1 of them a special election",
        ),
        (
            3,
            "Rennen: 36, davon 3 Sonderwahlen",
            "Races: 36, 3 of them special elections",
        ),
    ] {
        let mut args = l10n::Args::new();
        args.set("count", 36);
        args.set("special", special);
        assert_eq!(de.t_args("stats-races", &args), de_want);
        assert_eq!(en.t_args("stats-races", &args), en_want);
    }
}

/// The row "Sitz zuvor bei" takes the dative ("bei Demokraten", never "bei Demokratische
/// Partei"), and an independent is one person, not a party: "Gewinn einer Unabhängigen",
/// "von einem Unabhängigen gehalten", never "der Unabhängigen".
#[test]
fn seat_holders_and_independents_read_as_german() {
    let de = l10n::Localizer::new(Lang::De);
    let en = l10n::Localizer::new(Lang::En);
    for (party, de_want, en_want) in [
        ("D", "Demokraten", "Democratic Party"),
        ("R", "Republikanern", "Republican Party"),
        ("I", "einem Unabhängigen", "an independent"),
        ("L", "Libertären", "Libertarian Party"),
    ] {
        let mut args = l10n::Args::new();
        args.set("party", party);
        assert_eq!(de.t_args("party-before-value", &args), de_want);
        assert_eq!(en.t_args("party-before-value", &args), en_want);
    }
    for (outcome, party, gender, de_want, en_want) in [
        (
            "gain",
            "R",
            "female",
            "Gewinn der Republikaner",
            "Republican gain",
        ),
        (
            "hold",
            "D",
            "male",
            "von den Demokraten gehalten",
            "Democratic hold",
        ),
        (
            "gain",
            "I",
            "male",
            "Gewinn eines Unabhängigen",
            "independent gain",
        ),
        (
            "gain",
            "I",
            "female",
            "Gewinn einer Unabhängigen",
            "independent gain",
        ),
        (
            "hold",
            "I",
            "male",
            "von einem Unabhängigen gehalten",
            "independent hold",
        ),
        (
            "hold",
            "I",
            "female",
            "von einer Unabhängigen gehalten",
            "independent hold",
        ),
        (
            "gain",
            "L",
            "male",
            "Gewinn der Libertären",
            "Libertarian gain",
        ),
    ] {
        let mut args = l10n::Args::new();
        args.set("outcome", outcome);
        args.set("party", party);
        args.set("gender", gender);
        assert_eq!(de.t_args("outcome-value", &args), de_want);
        assert_eq!(en.t_args("outcome-value", &args), en_want);
    }
}
