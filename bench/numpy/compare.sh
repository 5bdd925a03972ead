#!/usr/bin/env bash
# Whole-process comparison of cptc with NumPy + SciPy (docs/performance.md, "Against NumPy").
# usage: bench/numpy/compare.sh [CPTC]   (default: the Native AOT binary in dist-native/)
# Needs Debian's python3-numpy, python3-scipy and hyperfine (apt-get install them); /usr/bin/python3
# is used so that Debian's packages are found.
set -euo pipefail
cd "$(dirname "$0")"
CPTC=${1:-../../dist-native/cptc}
PY=/usr/bin/python3
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT

# Same numbers first: the comparison is only fair if both compute the same thing.
"$CPTC" predict ten-million.cpt --every 10000 --format csv -o "$out/predict.csv"
$PY predict_10m.py "$out/predict.csv"
"$CPTC" optimize sweep-10k.cpt --format json --top 10 -o "$out/sweep.json"
$PY sweep_10k.py "$out/sweep.json"

hyperfine -N -w 3 -r 20 \
  "$CPTC predict ten-million.cpt --every 10000 --format csv -o $out/p.csv" "$PY predict_10m.py" \
  "$CPTC optimize sweep-10k.cpt --format json -o $out/s.json" "$PY sweep_10k.py"
for c in "$CPTC predict ten-million.cpt --every 10000 --format csv -o $out/p.csv" "$PY predict_10m.py" \
         "$CPTC optimize sweep-10k.cpt --format json -o $out/s.json" "$PY sweep_10k.py"; do
  /usr/bin/time -f "max RSS %M KB: $c" $c >/dev/null
done
