#!/bin/sh
# First picture, whole process, Dorsal beside f3d: paired runs on the same files at the same size,
# the median wall time of each and their ratio. f3d is not a dependency of Dorsal; install it to
# compare (sudo apt-get install f3d). f3d needs an X display: the script starts its own Xvfb, and
# Dorsal (which needs none) runs on the same server so that both pay the same.
#
#   scripts/compare-f3d.sh [RUNS]        (default 7 runs of each, on the built-in model and on the
#                                         bench's large model; build first: make build)
set -eu
runs=${1:-7}
root=$(cd "$(dirname "$0")/.." && pwd)
dorsal=$root/build/bin/dorsal
builtin=$root/build/share/dorsal/models/dorsal-back.glb
large=${TMPDIR:-/tmp}/dorsal-bench-model.glb
command -v f3d >/dev/null || { echo "compare-f3d: f3d is not installed (sudo apt-get install f3d)" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "compare-f3d: Xvfb is not installed (sudo apt-get install xvfb)" >&2; exit 1; }
[ -x "$dorsal" ] || { echo "compare-f3d: $dorsal is missing; run make build first" >&2; exit 1; }
# The bench writes the large model where this script looks for it.
[ -f "$large" ] || "$dorsal" bench >/dev/null
out=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null; rm -rf "$out"' EXIT
Xvfb :87 -screen 0 1920x1080x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
export DISPLAY=:87

seconds() { # the wall time of a command, in seconds
    /usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -n 1
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

for model in "$builtin" "$large"; do
    : >"$out/f3d"
    : >"$out/dorsal"
    i=0
    while [ "$i" -lt "$runs" ]; do
        seconds f3d --output "$out/f3d.png" --resolution 1280,800 "$model" >>"$out/f3d"
        seconds "$dorsal" --model "$model" --output "$out/dorsal.png" >>"$out/dorsal"
        i=$((i + 1))
    done
    f=$(median <"$out/f3d")
    d=$(median <"$out/dorsal")
    echo "$(basename "$model"): f3d $f s, dorsal $d s, ratio $(awk "BEGIN { printf \"%.2f\", $d / $f }") (median of $runs paired runs, 1280x800)"
done
