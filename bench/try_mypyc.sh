#!/bin/sh
# The mypyc experiment of docs/benchmarks.md: compile the recognizers and overlap resolution in a copy
# of src/ (never in the tree: a stale .so would shadow edits to the .py files), then run the deid
# benchmark and the output diff against that copy.
#   sh bench/try_mypyc.sh [python]        (needs mypy, which brings mypyc, and a C compiler)
set -eu
PY=${1:-python}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
cp -r "$ROOT/src" "$WORK/src"
cd "$WORK/src"
printf '[mypy]\nignore_missing_imports = True\n' > mypy.ini
"$PY" -m mypyc tilbake/deid/recognizers/*.py tilbake/deid/overlap.py > "$WORK/mypyc.log" 2>&1
cd "$ROOT"
PYTHONPATH="$WORK/src" "$PY" bench/bench_deid.py --docs 1000 --repeat 7
echo "compiled copy: $WORK/src (PYTHONPATH=$WORK/src python bench/dump_deid.py ... to diff its output)"
