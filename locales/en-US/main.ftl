# senate-kb: English messages. Every message here must exist in locales/de/main.ftl too.

## Errors

error-prefix = senate-kb: error:
error-unknown-language = the language “{ $requested }” is not available; available languages: { $available }
error-corpus-invalid = { $count ->
    [one] the corpus has 1 problem; nothing was changed
   *[other] the corpus has { $count } problems; nothing was changed
}
error-output = cannot write the output: { $error }

## check

check-ok = The corpus is sound: { $documents } documents ({ $races } races and the overview), { $units } sentence units in German and English, { $people } people. The German text reproduces the source article.

## Titles

overview-title = Overview: the 2014 Senate elections
race-title = { $special ->
    [yes] { $state } (special election)
   *[no] { $state }
}

## Corpus problems: each follows “file:line: ”

problem-unreadable = cannot be read: { $error }
problem-syntax = is not valid: { $detail }
problem-format-version = format_version is { $found }, but this program reads version { $expected }
problem-duplicate-document = the document “{ $id }” is listed twice; list each document once
problem-document-not-listed = the race file “{ $id }” is not listed in corpus.toml; add it to `documents` or remove the file
problem-id-mismatch = the id “{ $id }” does not match this file ({ $expected }); rename the file or fix the id
problem-overview-not-first = `documents` must start with "overview"
problem-no-units = the document has no sentence units; add its text as [[units]]
problem-paragraph-order = unit { $unit }: paragraph numbers must start at 1 and grow by at most one
problem-missing-text = unit { $unit } has no { $lang ->
    [de] German
   *[en] English
} text; add it
problem-unknown-person = unknown person “{ $id }”; add them to people.toml or fix the id
problem-duplicate-person = the person id “{ $id }” is defined twice; keep one
problem-bad-person-id = the person id “{ $id }” must be lower-case words joined by hyphens (tom-udall)
problem-person-unused = “{ $id }” is named in no document; link them in the race that names them or remove them
problem-duplicate-participant = “{ $id }” is listed twice in this document; merge their roles
problem-no-roles = “{ $id }” has no roles; give at least one (see corpus/README.md)
problem-unknown-state = unknown state “{ $code }”; add it to states.toml or fix the code
problem-duplicate-state = the state “{ $code }” is defined twice
problem-race-id-mismatch = the race id “{ $id }” does not follow from its state and special flag; expected “{ $expected }”
problem-winner-role = the winner “{ $id }” must be the one person of the race with the role "winner"
problem-outcome-inconsistent = the outcome “{ $outcome }” contradicts the facts: the seat was held by { $before } and the winner is { $winner }
problem-bad-provenance = the fact “{ $fact }” needs exactly one source: a `unit` of the article or an `external` note
problem-unit-out-of-range = the fact “{ $fact }” names unit { $unit } of “{ $doc }”, which does not exist
problem-unknown-doc = the fact “{ $fact }” names the document “{ $doc }”, which does not exist
problem-number-missing = unit { $unit }: the number { $number } of the German text is missing from the English
problem-name-missing = unit { $unit }: the name “{ $name }” of the German text is missing from the English
problem-german-in-english = unit { $unit }: the English text contains the German word “{ $word }”
problem-fact-not-in-unit = the fact “{ $fact }” says unit { $unit } states { $number }, but it does not
problem-share-disagrees = the fact “{ $fact }” ({ $qualifier } { $stated }) disagrees with the official result ({ $official }); fix it or add a `discrepancy` note
problem-stale-discrepancy = the fact “{ $fact }” notes a discrepancy, but the article agrees with the official result; remove the note
problem-margin-without-official = a margin needs the official margin in [facts.official] to check it against
problem-election-count = the overview states { $what } = { $stated }, but the race facts give { $computed }
problem-facts-placement = { $kind ->
    [overview] the overview takes [election] facts, not race [facts]
   *[race] a race needs [facts] and takes no [election] facts
}
problem-repair-count = the repair “{ $find }” must occur exactly once in the source, but occurs { $count } times
problem-fidelity = unit { $unit }: the German text departs from the source article: the source has “{ $expected }”, the corpus “{ $found }”
problem-heading-mismatch = the source article has “{ $found }” where this document expects its heading “{ $expected }”
problem-source-left-over = the source article goes on with text no document reproduces: “{ $text }”
