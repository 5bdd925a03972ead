#!/bin/sh
# Trains a replica experiment into WORKDIR (README.md). Usage, from the repository's root:
#   tools/tiny-cpt-replica/run.sh WORKDIR                  # the CPT runs (runs.cpt): ~5 min on 2 cores
#   tools/tiny-cpt-replica/run.sh WORKDIR nine.cpt 16      # the nine schedules, a row every 16 steps
set -eu
work=$1
here=$(dirname "$0")
file=$here/${2:-runs.cpt}
every=${3:-50}
dpkg -s python3-torch libopenblas0-pthread >/dev/null 2>&1 ||
  $([ "$(id -u)" = 0 ] || echo sudo) apt-get install -y python3-torch libopenblas0-pthread
mkdir -p "$work/lr" "$work/logs"
dotnet build src/Cptc -c Release -v q >/dev/null
runs=$(sed -n 's/^run \([a-z0-9_]*\) {$/\1/p' "$file")
for r in $runs; do dotnet src/Cptc/bin/Release/net10.0/cptc.dll export "$file" --run "$r" --target csv -o "$work/lr/$r.csv" 2>/dev/null; done
cp "$file" "$work/logs/"
[ -f "$work/general.train" ] || /usr/bin/python3 "$here/prepare.py" "$work"
if echo "$runs" | grep -qx pretrain; then /usr/bin/python3 "$here/train.py" "$work" pretrain; fi
# longest runs first, two at a time
for r in $runs; do [ "$r" = pretrain ] || echo "$(wc -l <"$work/lr/$r.csv") $r"; done | sort -rn | cut -d' ' -f2 |
  xargs -P 2 -I{} /usr/bin/python3 "$here/train.py" "$work" {} "$every"
echo "logs in $work/logs"
