#!/usr/bin/env bash
# Every output the `concord` binary writes, for every seed, example and a small benchmark corpus,
# into one folder, so that two builds can be compared byte for byte (`diff -r BEFORE AFTER`).
#
#   scripts/outputs.sh OUT [CONCORD]
#
# CONCORD defaults to target/release/concord (build it first: cargo build --release -p concord).
# The benchmark corpus is generated into OUT/inputs by `cargo xtask corpus` (fixed seed), so a
# change to the generator shows up in the comparison too. Each command's standard error and exit
# code are kept beside its output: a warning that changes is a change.
#
# A shell script rather than an xtask: it runs the binary as its users do, whole process, every
# subcommand and format, and needs nothing built but the binary under test.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

out=${1:?usage: scripts/outputs.sh OUT [CONCORD]}
concord=$(realpath "${2:-target/release/concord}")
mkdir -p "$out"
out=$(realpath "$out")
[ -z "$(ls -A "$out")" ] || { echo "$out is not empty" >&2; exit 2; }

# run NAME ARGS...: stdout to NAME, stderr to NAME.err, exit code to NAME.rc.
site=""
run() {
  local name=$1; shift
  mkdir -p "$(dirname "$out/$name")"
  set +e
  "$concord" "$@" >"$out/$name" 2>"$out/$name.err"
  echo $? >"$out/$name.rc"
  set -e
  # Paths of this run's temporary folders are not output.
  sed -i -e "s|$out|OUT|g" -e "s|${site:-/nonexistent}|SITE|g" "$out/$name.err" "$out/$name"
}

# The benchmark corpus: 12 protocols and a 100 KB version pair.
cargo xtask corpus --count 12 --seed 3 --out "$out/inputs/bench" --pair-bytes 100000 >/dev/null
bench="$out/inputs/bench"

seeds=(corpus/*.txt)
synthetic=(corpus/synthetic/*.txt corpus/synthetic/*.md)
office=(corpus/docx/*.docx corpus/pdf/*.pdf)
cases=(corpus/compare/*/)
benchfiles=("$bench"/p*.txt "$bench"/pair-old.md "$bench"/pair-new.md)

# ingest: every format, every readable input.
for f in "${seeds[@]}" "${synthetic[@]}" "${office[@]}" corpus/compare/*/*.md templates/examples/site/*.md \
  templates/examples/site/peers/* "${benchfiles[@]}"; do
  n=$(echo "${f#"$out/"}" | tr '/' '_')
  for fmt in json md outline; do
    run "ingest/$n.$fmt" ingest "$f" --format "$fmt" --verbose
  done
done
run ingest/several.json ingest "${seeds[@]}" --format json

# compare: every format, over folders and files.
for fmt in text md html csv json; do
  run "compare/seeds.$fmt" compare corpus/ --format "$fmt"
  run "compare/synthetic.$fmt" compare corpus/synthetic/ --format "$fmt"
  run "compare/bench.$fmt" compare "$bench" --format "$fmt"
  run "compare/office.$fmt" compare "${office[@]}" templates/examples/site/protocol.md --format "$fmt"
  run "compare/one-question.$fmt" compare corpus/ -q officer-complaint-about-councillor -q response-time --format "$fmt"
done

# diff: every format, over tracked files and version pairs.
diff_all() {
  local name=$1; shift
  for fmt in text md html json; do
    run "diff/$name.$fmt" diff "$@" --format "$fmt" --color never
  done
  run "diff/$name.context.text" diff "$@" --context 2 --color never --exit-code
  run "diff/$name.stdout" diff "$@" --format docx -o "$out/diff/$name.docx" --author Reviewer
  run "diff/$name.pdf.stdout" diff "$@" --format pdf -o "$out/diff/$name.pdf" --date 2026-01-02
}
diff_all seed000-tracked corpus/000_0739291e76a941b3.txt --tracked
diff_all docx-tracked corpus/docx/brackenfield-tracked.docx --tracked
diff_all docx-pdf corpus/docx/brackenfield.docx corpus/pdf/brackenfield.pdf
diff_all site templates/examples/site/previous.md templates/examples/site/protocol.md
diff_all bench-pair "$bench/pair-old.md" "$bench/pair-new.md"
diff_all seeds-002-003 corpus/002_317f9fdcf88417d7.txt corpus/003_d91a8e6c4f59d3bb.txt
diff_all synthetic corpus/synthetic/ashcombe-town.txt corpus/synthetic/westmoor-unitary.md
for c in "${cases[@]}"; do
  diff_all "case-$(basename "$c")" "$c/old.md" "$c/new.md"
done

# check: text and JSON, with a fixed day.
for f in "${seeds[@]}" "${synthetic[@]}" "${office[@]}" templates/examples/site/*.md "$bench"/p0000*.txt; do
  n=$(echo "${f#"$out/"}" | tr '/' '_')
  run "check/$n.text" check "$f" --today 2026-06-01
  run "check/$n.json" check "$f" --today 2026-06-01 --format json
done
run check/several.json check "${seeds[@]}" --today 2026-06-01 --format json

# draft: every example, every format; options: the catalogue and --from every seed.
for ex in templates/examples/*.toml templates/examples/site/options.toml; do
  n=$(echo "$ex" | tr '/' '_')
  run "draft/$n.md" draft "$ex"
  run "draft/$n.html" draft "$ex" --format html
  run "draft/$n.docx.stdout" draft "$ex" --format docx -o "$out/draft/$n.docx"
  run "draft/$n.pdf.stdout" draft "$ex" --format pdf -o "$out/draft/$n.pdf"
  run "draft/$n.templates.md" draft "$ex" --templates templates
done
run options/catalogue.txt options
run options/one.txt options officer-complaint-about-councillor
for f in "${seeds[@]}" "${synthetic[@]}" corpus/docx/brackenfield.docx; do
  run "options/$(basename "$f").toml" options --from "$f"
done

# show and precedents.
run show/000-2.1.txt show corpus/000_0739291e76a941b3.txt --clause 2.1
run show/002-5.1.txt show corpus/002_317f9fdcf88417d7.txt --clause 5.1
run precedents/002-5.1.txt precedents corpus/002_317f9fdcf88417d7.txt --clause 5.1
run precedents/002-5.1.json precedents corpus/002_317f9fdcf88417d7.txt --clause 5.1 --format json -n 8

# pack: tracked, old/new, with peers.
run pack/tracked.stdout pack --tracked corpus/000_0739291e76a941b3.txt --peers corpus/ -o "$out/pack/tracked" \
  --date 2026-02-03
run pack/site.stdout pack --old templates/examples/site/previous.md --new templates/examples/site/protocol.md \
  --peers templates/examples/site/peers/ --title "Review of the Protocol" --meeting-date "12 March 2027" \
  -o "$out/pack/site"
run pack/case.stdout pack --old corpus/compare/deadline-changed/old.md --new corpus/compare/deadline-changed/new.md \
  --peers corpus/synthetic/ -o "$out/pack/case"

# build: the example site, from a copy, then --check on what it wrote.
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
cp -r templates/examples/site/. "$site/"
rm -rf "$site/public"
run build/site.stdout build --config "$site/concord.toml"
run build/site-check.stdout build --config "$site/concord.toml" --check
cp -r "$site/public" "$out/build/site-public"

echo "wrote $(find "$out" -type f | wc -l) files to $out"
