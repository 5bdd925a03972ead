#!/bin/sh
# Trains the replica experiment into WORKDIR (README.md): about 5 minutes on 2 cores.
# Usage: tools/tiny-cpt-replica/run.sh WORKDIR   (from the repository's root)
set -eu
work=$1
here=$(dirname "$0")
dpkg -s python3-torch libopenblas0-pthread >/dev/null 2>&1 ||
  $([ "$(id -u)" = 0 ] || echo sudo) apt-get install -y python3-torch libopenblas0-pthread
mkdir -p "$work/lr" "$work/logs"
dotnet build src/Cptc -c Release -v q >/dev/null
runs=$(sed -n 's/^run \([a-z0-9_]*\) {$/\1/p' "$here/runs.cpt")
for r in $runs; do dotnet src/Cptc/bin/Release/net10.0/cptc.dll export "$here/runs.cpt" --run "$r" --target csv -o "$work/lr/$r.csv" 2>/dev/null; done
cp "$here/runs.cpt" "$work/logs/runs.cpt"
[ -f "$work/general.train" ] || /usr/bin/python3 "$here/prepare.py" "$work"
/usr/bin/python3 "$here/train.py" "$work" pretrain
for r in $runs; do [ "$r" = pretrain ] || echo "$r"; done | xargs -P 2 -I{} /usr/bin/python3 "$here/train.py" "$work" {}
echo "logs in $work/logs"
