#!/usr/bin/env bash
# Seeds the content fuzzer's corpus folder ($1) from the shipped content: each seed is the byte
# that tells fuzz_content which file it replaces, then a real file of that kind. Existing corpus
# files (what earlier runs found) are kept.
set -euo pipefail
corpus=${1:?usage: seed_content_corpus.sh CORPUS_DIR}
content=$(dirname "$0")/../../content
mkdir -p "$corpus"
seed() {  # seed BYTE FILE...
  local byte=$1
  shift
  for file in "$@"; do
    { printf "\\x$byte"; cat "$file"; } > "$corpus/seed-$byte-$(basename "$file")"
  done
}
seed 00 "$content"/muscles/*.toml
seed 01 "$content"/pain/*.toml
seed 02 "$content"/techniques/*.toml
seed 03 "$content"/stretches/*.toml
seed 04 "$content"/guides/*.toml
seed 05 "$content"/groups.toml
seed 06 "$content"/regions.toml
seed 07 "$content"/safety.toml
seed 08 "$content"/search.toml
seed 09 "$content"/glossary.toml
