#!/usr/bin/env bash
# Rebuilds words.fst from jieba 0.42.1's dictionary (the PyPI package `jieba`, MIT), checking the
# package and the file against the hashes recorded in README.md.
# usage: crates/tupu_extract/data/general/derive.sh   (needs python3 -m pip, cargo, network access to PyPI)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m pip download --quiet --no-deps --no-binary :all: -d "$work" jieba==0.42.1
echo "055ca12f62674fafed09427f176506079bc135638a14e23e25be909131928db2  $work/jieba-0.42.1.tar.gz" | sha256sum -c --quiet
tar -xzf "$work/jieba-0.42.1.tar.gz" -C "$work" jieba-0.42.1/jieba/dict.txt
echo "7197c3211ddd98962b036cdf40324d1ea2bfaa12bd028e68faa70111a88e12a8  $work/jieba-0.42.1/jieba/dict.txt" | sha256sum -c --quiet
cd "$root"
cargo run --release --quiet -p tupu_extract --example derive_general_lexicon -- \
    "$work/jieba-0.42.1/jieba/dict.txt" "$here/tags.tsv" "$here/words.fst"
sha256sum "$here/words.fst"
