#!/usr/bin/env python3
"""Writes what a senate-kb binary prints with --json, for comparing two builds byte for byte.

    python3 benches/json-snapshot.py BINARY OUTDIR [QUERIES.toml]
    diff -r OUTDIR-before OUTDIR-after && echo identical

For every query of the judged set (tests/judged/queries.toml unless another file is given),
`search --json` in German and in English; for every race, `race --json` in both languages
(`--parallel` too); `races`, `stats` and `export`; and `person --json` for every person of the
corpus, by full name and by surname. Each output file holds the exit status on its first line,
then stdout. A fresh index is built in a temporary directory first, so both builds answer from
an index of their own.
"""

import json
import os
import pathlib
import subprocess
import sys
import tempfile
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main() -> int:
    if len(sys.argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    binary = os.path.abspath(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    queries_path = pathlib.Path(sys.argv[3]) if len(sys.argv) == 4 else ROOT / "tests/judged/queries.toml"
    out.mkdir(parents=True, exist_ok=True)
    queries = [q["text"] for q in tomllib.loads(queries_path.read_text())["query"]]
    people = tomllib.loads((ROOT / "corpus/people.toml").read_text())["person"]
    races = [p.stem for p in sorted((ROOT / "corpus/races").glob("*.toml"))]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "SENATE_KB"))}
    env["NO_COLOR"] = "1"
    with tempfile.TemporaryDirectory() as index:
        def run(name: str, *args: str) -> None:
            done = subprocess.run(
                [binary, "--index", index, "--json", *args],
                capture_output=True, env=env, timeout=60, cwd="/",
            )
            (out / name).write_bytes(b"%d\n" % done.returncode + done.stdout)

        subprocess.run([binary, "--index", index, "index"], capture_output=True, env=env, check=True, cwd="/")
        for lang in ("de", "en"):
            for n, text in enumerate(queries):
                run(f"search-{lang}-{n:03}", "--lang", lang, "search", "--", text)
            for race in races:
                run(f"race-{lang}-{race}", "--lang", lang, "race", race)
                run(f"race-{lang}-{race}-parallel", "--lang", lang, "race", race, "--parallel")
            run(f"races-{lang}", "--lang", lang, "races")
            run(f"stats-{lang}", "--lang", lang, "stats")
            run(f"export-{lang}", "--lang", lang, "export")
            for person in people:
                run(f"person-{lang}-{person['id']}", "--lang", lang, "person", person["name"])
                surname = person["name"].split()[-1]
                run(f"person-{lang}-{person['id']}-surname", "--lang", lang, "person", surname)
    print(json.dumps({"queries": len(queries), "races": len(races), "people": len(people), "files": len(list(out.iterdir()))}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
