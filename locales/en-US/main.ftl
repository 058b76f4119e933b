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
problem-concept-missing = the concept “{ $concept }” is missing from vocabulary.toml; every concept of the facts needs its words
problem-concept-duplicate = the concept “{ $concept }” is in vocabulary.toml twice
problem-concept-incomplete = the concept “{ $concept }” lacks { $part ->
    [de] its German words (or one is empty, or the share’s placeholder stands where it does not belong)
    [en] its English words (or one is empty, or the share’s placeholder stands where it does not belong)
   *[reason] its reason
}
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

## Command line: help

cli-about = senate-kb: the 2014 US Senate elections, in German and English
cli-usage-heading = Usage:
cli-commands-heading = Commands:
cli-options-heading = Options:
cli-arguments-heading = Arguments:
cli-help = Print help
cli-version = Print version
cli-opt-lang = Output language: a BCP 47 tag or a POSIX locale (de, en, de-AT, de_DE.UTF-8) [default: from SENATE_KB_LANG, LC_ALL, LC_MESSAGES, LANG, else English]
cli-opt-json = Print one JSON document on stdout (NDJSON for export) instead of text
cli-opt-color = When to use colour: auto, always, never [default: auto; NO_COLOR turns auto off]
cli-opt-corpus = Use this corpus directory instead of the corpus shipped with the program
cli-value-tag = TAG
cli-value-when = WHEN
cli-value-dir = DIR
cli-value-race = RACE
cli-value-outcome = OUTCOME
cli-value-party = PARTY
cli-usage-root = senate-kb [OPTIONS] <COMMAND>
cli-usage-check = senate-kb check [OPTIONS]
cli-usage-export = senate-kb export [OPTIONS]
cli-usage-race = senate-kb race [OPTIONS] <RACE>...
cli-usage-races = senate-kb races [OPTIONS]
cli-usage-stats = senate-kb stats [OPTIONS]
cli-cmd-check = Validate the corpus; every problem named with its file and what to fix
cli-cmd-export = Every document, both languages and all facts, as NDJSON: one JSON object a line
cli-cmd-race = One race: facts, people and the full narrative
cli-cmd-races = The races as a table
cli-cmd-stats = The election at a glance: races, special elections, seats before and after, gains
cli-arg-race = A race id (mt, ok-special) or a state name in German or English, any case; several words are one name (new hampshire)
cli-opt-parallel = Show the German and the English text side by side, sentence by sentence
cli-opt-outcome = Only races with this outcome: gain or hold
cli-opt-party = Only races the candidate of this party won: D, R, I or L
cli-opt-special = Only special elections

## Command line: usage errors

usage-invalid-value = invalid value “{ $value }” for { $arg }; possible values: { $valid }
usage-invalid-value-plain = invalid value “{ $value }” for { $arg }
usage-unknown-argument = unexpected argument “{ $arg }”
usage-unknown-command = unknown command “{ $command }”
usage-missing-argument = missing a required argument: { $arg }
usage-missing-command = a command is required
usage-conflict = { $arg } cannot be used with { $other }
usage-repeated = { $arg } was given more than once
usage-invalid-utf8 = the arguments must be valid UTF-8
usage-other = the command line cannot be understood: { $detail }
usage-did-you-mean = did you mean { $suggestions }?
quoted = “{ $text }”
usage-more-info = For more information, try “--help”.

## Parties

# $party: D, R, I, L; $gender: male, female
party-noun = { $party ->
    [D] Democrat
    [R] Republican
    [I] independent
   *[L] Libertarian
}
party-adjective = { $party ->
    [D] Democratic
    [R] Republican
    [I] independent
   *[L] Libertarian
}
party-plural = { $party ->
    [D] the Democrats
    [R] the Republicans
    [I] the independents
   *[L] the Libertarians
}
# "Democrats 55" in stats
party-count = { $party ->
    [D] { $count ->
        [one] 1 Democrat
       *[other] { $count } Democrats
    }
    [R] { $count ->
        [one] 1 Republican
       *[other] { $count } Republicans
    }
    [I] { $count ->
        [one] 1 independent
       *[other] { $count } independents
    }
   *[L] { $count ->
       [one] 1 Libertarian
      *[other] { $count } Libertarians
   }
}

## Roles, by person's gender

role = { $role ->
    [incumbent] incumbent
    [appointed] appointed to the seat
    [candidate] candidate
    [winner] winner
    [retiring] did not run again
    [resigned] resigned
    [withdrawn] withdrew
    [predecessor] predecessor
    [governor] governor
    [primary] lost the primary
   *[mentioned] mentioned
}

## Answers: race

# The winner's share as the article puts it, after "won Montana": " with 58%"
share-phrase = { $qualifier ->
    [exact] { " " }with { NUMBER($percent, maximumFractionDigits: 2) }%
    [more_than] { " " }with more than { NUMBER($percent, maximumFractionDigits: 2) }%
    [almost] { " " }with almost { NUMBER($percent, maximumFractionDigits: 2) }%
    [just_over] { " " }with just over { NUMBER($percent, maximumFractionDigits: 2) }%
    [less_than] { " " }with less than { NUMBER($percent, maximumFractionDigits: 2) }%
   *[none] {""}
}
margin-phrase = { $qualifier ->
    [exact] { " " }by { NUMBER($points) } { $points ->
        [one] percentage point
       *[other] percentage points
    }
    [more_than] { " " }by more than { NUMBER($points) } { $points ->
        [one] percentage point
       *[other] percentage points
    }
    [almost] { " " }by almost { NUMBER($points) } { $points ->
        [one] percentage point
       *[other] percentage points
    }
    [just_over] { " " }by just over { NUMBER($points) } { $points ->
        [one] percentage point
       *[other] percentage points
    }
    [less_than] { " " }by less than { NUMBER($points) } { $points ->
        [one] percentage point
       *[other] percentage points
    }
   *[none] {""}
}
# Short forms for tables
share-short = { $qualifier ->
    [exact] { NUMBER($percent, maximumFractionDigits: 2) }%
    [more_than] more than { NUMBER($percent, maximumFractionDigits: 2) }%
    [almost] almost { NUMBER($percent, maximumFractionDigits: 2) }%
    [just_over] just over { NUMBER($percent, maximumFractionDigits: 2) }%
    [less_than] less than { NUMBER($percent, maximumFractionDigits: 2) }%
   *[none] –
}
margin-short = { $qualifier ->
    [exact] lead of { NUMBER($points) } { $points ->
        [one] pt
       *[other] pts
    }
    [more_than] lead of more than { NUMBER($points) } { $points ->
        [one] pt
       *[other] pts
    }
    [almost] lead of almost { NUMBER($points) } { $points ->
        [one] pt
       *[other] pts
    }
    [just_over] lead of just over { NUMBER($points) } { $points ->
        [one] pt
       *[other] pts
    }
    [less_than] lead of less than { NUMBER($points) } { $points ->
        [one] pt
       *[other] pts
    }
   *[none] –
}
# The lead as the value of the fact row labelled label-margin ("Lead"), which names the noun
margin-value = { $qualifier ->
    [exact] { NUMBER($points) } { $points ->
        [one] percentage point
       *[other] percentage points
    }
    [more_than] more than { NUMBER($points) } { $points ->
        [one] percentage point
       *[other] percentage points
    }
    [almost] almost { NUMBER($points) } { $points ->
        [one] percentage point
       *[other] percentage points
    }
    [just_over] just over { NUMBER($points) } { $points ->
        [one] percentage point
       *[other] percentage points
    }
    [less_than] less than { NUMBER($points) } { $points ->
        [one] percentage point
       *[other] percentage points
    }
   *[none] –
}
# One line built from the facts. $where is race-where; $share a share-phrase or margin-phrase.
race-summary = { $outcome ->
    [gain] { $winner } ({ party-noun }) won { $where }{ $share }, { $party ->
        [I] an
       *[other] a
    } { party-adjective } gain from { $before ->
        [D] the Democrats
        [R] the Republicans
        [I] an independent
       *[L] a Libertarian
    }.
   *[hold] { $winner } ({ party-noun }) won { $where }{ $share }, { $party ->
        [I] an
       *[other] a
    } { party-adjective } hold.
}
race-where = { $special ->
    [yes] the special election in { $state }
   *[no] { $state }
}
label-state = State
label-election = Election
label-winner = Winner
label-party-before = Seat held by
# The value of the label-party-before row: who held the seat before the election
party-before-value = { $party ->
    [D] Democratic Party
    [R] Republican Party
    [I] an independent
   *[L] Libertarian Party
}
label-outcome = Outcome
label-vote-share = Vote share
label-margin = Lead
label-official = Official result
label-note = Note
election-kind = { $special ->
    [yes] special election
   *[no] regular election
}
# $party and $gender are the winner's: "Republican gain", "independent hold"
outcome-value = { $outcome ->
    [gain] { party-adjective } gain
   *[hold] { party-adjective } hold
}
official-value = { NUMBER($percent, minimumFractionDigits: 1, maximumFractionDigits: 1) }%
heading-people = People
heading-text = Text
person-line = { $name } ({ party-noun }): { $roles }
error-unknown-race = there is no race “{ $race }”
error-unknown-race-suggest = there is no race “{ $race }”; did you mean { $suggestions }?
error-ambiguous-race = “{ $race }” matches more than one race: { $choices }; name one by its id
race-choice = { $id } ({ $title })

## Answers: races

col-state = State
col-winner = Winner
col-party = Party
col-outcome = Outcome
col-share = Share
outcome-short = { $outcome ->
    [gain] gain
   *[hold] hold
}
races-count = { $count ->
    [one] 1 race
   *[other] { $count } races
}
races-none = No race matches these filters.

## Answers: stats

stats-title = The 2014 US Senate elections
# "Races: 36, 3 of them special elections": the label names the noun, the value is a number.
stats-races = Races: { $count }, { $special ->
        [0] none of them a special election
        [one] 1 of them a special election
       *[other] { $special } of them special elections
    }
stats-defending = Seats up for election: { $list }
stats-before = Senate before: { $list }
stats-after = Senate after: { $list }
stats-gains = Gains: { $list }
stats-no-gains = Gains: none
stats-agrees = This agrees with what the article states: { $before_r } Republicans before the election, { $after_r } after, and { $defending_d } Democratic and { $defending_r } Republican seats up for election.
party-gains = { $count } for { party-plural }
language-de = German
language-en = English

## search and index

cli-cmd-search = Full-text search over both languages; results in the output language
cli-cmd-index = Build or rebuild the search index now
cli-usage-search = senate-kb search [OPTIONS] <QUERY>...
cli-usage-index = senate-kb index [OPTIONS]
cli-arg-query = Words (all must match, in either language), "a phrase", -word to exclude, OR between alternatives, plag* for prefixes; filters state:MT, party:R, outcome:gain, person:udall
cli-opt-limit = Show at most this many hits [default: 10]
cli-opt-index = Keep the search index in this directory [default: SENATE_KB_INDEX, else index/ in a checkout, else the user's cache directory]
cli-value-query = QUERY
cli-value-n = N
search-none = Nothing found for “{ $query }”.
search-relaxed = Nothing matches every word of “{ $query }”. Matches for the other words, ignoring { $without }:
search-quoted = “{ $word }”
search-list = { $head } and { $last }
search-other-language = { $lang ->
    [de] German
   *[en] English
}:
search-total = { $shown ->
    [one] { $total ->
        [one] 1 hit
       *[other] 1 of { $total } hits; show more with --limit
    }
   *[other] { $total ->
        [one] 1 hit
       *[other] { $shown } of { $total } hits; show more with --limit
    }
}
search-no-person = nobody named “{ $name }” appears in the knowledge base
search-no-person-suggest = nobody named “{ $name }” appears in the knowledge base; did you mean { $suggestions }?
index-built = Index built: { $documents } documents in { $path } ({ $millis } ms).

error-query-empty = there is nothing to search for; type one or more words, e.g. senate-kb search Plagiat
error-query-unclosed-quote = a quotation mark is not closed; close the phrase ("Max Baucus") or remove the quotation mark
error-query-dangling-or = OR needs a word on each side, e.g. Stichwahl OR runoff
error-query-dangling-not = “-” and NOT need a word right after them, e.g. -Georgia
error-query-exclusion-in-or = an exclusion cannot be an alternative of OR; write the exclusion on its own (a OR b -c)
error-query-only-exclusions = a search needs at least one word or filter to find, not only exclusions
error-query-wildcard = “{ $word }”: * stands only at the end of a word of at least two letters, e.g. plag*
error-query-empty-filter = “{ $field }:” needs a value, e.g. state:MT, party:R, outcome:gain, person:udall
error-query-unknown-filter = there is no filter “{ $field }:”; the filters are state:, party:, outcome: and person:
error-query-bad-filter = { $field ->
    [state] “{ $value }” is not a state with a race in 2014; use a postal code (MT) or a state name
    [party] “{ $value }” is not a party; use D, R, I or L
   *[outcome] “{ $value }” is not an outcome; use gain or hold
}
error-query-bad-filter-suggest = { $field ->
    [state] “{ $value }” is not a state with a race in 2014; did you mean { $suggestions }?
    [party] “{ $value }” is not a party; use { $suggestions }
   *[outcome] “{ $value }” is not an outcome; use { $suggestions }
}
error-query-too-long = the query is longer than { $max } characters; shorten it
error-query-too-many = the query has more than { $max } words, phrases and filters; shorten it
error-index-build = cannot build the search index in { $path }: { $error }; choose another place with --index DIR
error-index = the search index cannot be read: { $error }; rebuild it with senate-kb index

## person

cli-cmd-person = Every race a politician appears in: their roles, the outcome and the sentences that name them
cli-usage-person = senate-kb person [OPTIONS] <NAME>...
cli-arg-name = A name: full name, surname, first name, alias or nickname, in any case, with or without diacritics, typos forgiven; several words are one name (tom udall)
cli-value-name = NAME
# "Mark Udall — Democrat, U.S. Senator from Colorado (incumbent)"; $description is person-description
person-heading = { $name } — { party-noun }, { $description }
# What a person was, from their most telling role; $state is where that role was
person-description = { $standing ->
    [incumbent] U.S. Senator from { $state } (incumbent)
    [elected] elected U.S. Senator from { $state }
    [governor] Governor of { $state }
    [former] former U.S. Senator from { $state }
    [candidate] candidate for the U.S. Senate in { $state }
    [withdrawn] withdrew as a candidate for the U.S. Senate in { $state }
    [primary] lost the primary for the U.S. Senate in { $state }
   *[mentioned] { $overview ->
        [yes] { $races ->
            [0] mentioned in the overview
            [one] mentioned in the overview and in one race
           *[other] mentioned in the overview and in { $races } races
        }
       *[no] { $races ->
            [one] mentioned in one race
           *[other] mentioned in { $races } races
        }
    }
}
# A document under the person: "Colorado — incumbent, candidate"; $roles are role messages
person-race = { $title } — { $roles }
person-several = { $count } people answer to “{ $query }”, the best match first:
person-closest = { $count ->
    [one] Nobody is named “{ $query }”; the closest name:
   *[other] Nobody is named “{ $query }”; the closest names, best first:
}
error-name-too-long = the name is longer than { $max } characters; type a first name, a surname or both

## serve: the command and its start line
cli-cmd-serve = The same knowledge over HTTP: a JSON API on loopback (see the HTTP contract)
cli-usage-serve = senate-kb serve [OPTIONS]
cli-opt-addr = Listen on this address and port; port 0 picks a free one [default: 127.0.0.1:8080]
cli-value-addr = ADDR
serve-listening = senate-kb answers on { $url }
serve-stopping = senate-kb stops: finishing the requests in flight
serve-reload-failed = cannot open the new search index, answering from the old one: { $error }
error-serve-bind = cannot listen on { $addr }: { $error }

## serve: the error bodies of the HTTP API ({"error": {"code": …, "message": …}})
http-not-ready = the search index is being opened; try again in a moment
http-not-found = there is nothing at this address; the API is under /api/ (see /api/openapi.json)
http-method-not-allowed = only GET is answered here
http-bad-encoding = the parameter “{ $name }” is not valid percent-encoded UTF-8 text
http-unknown-parameter = there is no parameter “{ $name }” here; the parameters are: { $allowed }
http-repeated-parameter = the parameter “{ $name }” is given more than once; give it once
http-missing-parameter = the parameter “{ $name }” is missing
http-bad-parameter = “{ $value }” is not a valid value of “{ $name }”; expected { $expected }
http-uri-too-long = the address is longer than { $max } bytes
http-headers-too-large = the request's headers are larger than { $max } bytes
http-payload-too-large = the request's body is too large; the API only answers GET requests without a body
http-overloaded = the server is busy; try again in a moment
http-timeout = the answer took too long; try again
http-internal = something went wrong inside the server: { $error }
http-expected-number = a whole number (0 or more)
http-expected-boolean = true or false

## serve: the web pages

page-site = US Senate elections 2014
page-skip = Skip to the content
page-nav = Sections
page-nav-races = All races
page-nav-people = People
page-language = Language
page-search-label = Search the races, in German or English
page-search-placeholder = e.g. Plagiat, runoff
page-search-button = Search
# The footer of every page. $article and $licence are links, with the texts below.
page-credit = Text: the German Wikipedia article { $article } by its authors, under the { $licence }; the English is a translation of it, under the same licence.
page-credit-article = “Wahl zum Senat der Vereinigten Staaten 2014”
page-credit-licence = CC BY-SA 4.0 licence
page-search-title = Search
page-search-results = Results for “{ $query }”
page-search-hint = Type a word in German or English: a name, a state, a theme (Plagiat, runoff, Kopf-an-Kopf-Rennen). Results appear as you type.
page-hits = { $count ->
    [one] 1 hit
   *[other] { $count } hits
}
page-facts = Facts
page-text-views = Show the text in
page-text-both = Side by side
page-people-title = People
page-people-label = Look up a person by name
page-people-button = Look up
page-races-title = All races
page-races-caption = The 2014 races; sort by a column’s heading
page-error-title = { $status ->
    [400] The request cannot be answered
    [404] Not found
    [503] Not available right now
   *[other] Something went wrong
}
page-not-found = There is nothing at this address.
page-error-home = Back to the start page
# The first sentence of the start page, from the race facts.
home-summary = On November 4, 2014, { $races } of the 100 Senate seats were up for election ({ $special } of them in special elections); the Republicans won { $gains_r } { $gains_r ->
    [one] seat
   *[other] seats
} from the Democrats{ $gains_d ->
    [0] {""}
    [one] {" "}and lost 1
   *[other] {" "}and lost { $gains_d }
} and took the majority, { $after_r } to { $after_d }.
facet-nav = Filter the results
facet-heading-party = Winner’s party
facet-heading-outcome = Outcome
facet-heading-special = Election
facet-party = { $party ->
    [D] Democrats
    [R] Republicans
    [I] Independents
   *[L] Libertarians
}
facet-outcome = { $outcome ->
    [gain] Seat changed party
   *[hold] Seat held
}
facet-special = Special elections
map-title = The 2014 races by state, coloured by the winner’s party
# $won is a list of map-party-races
map-desc = { $races } races: { $won }; { $gains } { $gains ->
    [one] seat changed
   *[other] seats changed
} party; { $special } special { $special ->
    [one] election
   *[other] elections
}.
map-party-races = { $count } { $party ->
    [D] Democratic
    [R] Republican
    [I] independent
   *[L] Libertarian
} { $count ->
    [one] win
   *[other] wins
}
map-won-by = { $party ->
    [D] won by a Democrat
    [R] won by a Republican
    [I] won by an independent
   *[L] won by a Libertarian
}
map-legend-gain = striped and outlined: the seat changed party
map-legend-special = circle in the corner: special election (a link of its own beside a regular race)
map-legend-none = no Senate election in 2014
map-as-table = The same races as a table
map-no-race = { $state }: no Senate election in 2014
# The states without a race in 2014, by postal code
map-state = { $code ->
    [AZ] Arizona
    [CA] California
    [CT] Connecticut
    [FL] Florida
    [IN] Indiana
    [MD] Maryland
    [MO] Missouri
    [ND] North Dakota
    [NV] Nevada
    [NY] New York
    [OH] Ohio
    [PA] Pennsylvania
    [UT] Utah
    [VT] Vermont
    [WA] Washington
   *[WI] Wisconsin
}
senate-before = Before the election
senate-after = After the election
senate-legend-gain = striped: won from the other party
senate-caption = The Senate’s 100 seats before and after the election
