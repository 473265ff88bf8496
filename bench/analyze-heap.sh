#!/usr/bin/env bash
# Peak heap of a whole `analyze` run on the 1,000,000 x 20 synthetic data (issue: "peak heap under 3x
# the data's raw size"; raw size = 1,000,000 x 20 doubles = 160 MB). The run gets XMX (default 1g) and
# the GC log gives the largest heap occupancy after a collection (the live data at its peak); run
# with XMX=480m to see whether it also completes inside a 3x heap.
#   bench/analyze-heap.sh [rows]      (default 1000000; needs /usr/bin/python3 with numpy)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
data=/tmp/synthetic_${rows}.csv
[ "$rows" = 1000000 ] && data=/tmp/synthetic_1m.csv
[ -f "$data" ] || /usr/bin/python3 ../shared/bench/make_synthetic.py --rows "$rows" --cols 20 --clusters 8 --seed 0 --out "$data"
[ -f target/segmentlab.jar ] || mvn -B -q -o -DskipTests package
raw_mb=$(( rows * 20 * 8 / 1000000 ))
xmx=${XMX:-1g}
log=$(mktemp)
/usr/bin/time -f "%e s wall, %M KB max RSS" java -Xmx${xmx} -Xlog:gc:file="$log" -jar target/segmentlab.jar analyze \
    --input "$data" --k-min 1 --k-max 10 --n-init 10 --quiet --json /tmp/analyze-heap.json
peak=$(grep -oE '[0-9]+M->[0-9]+M' "$log" | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1)
echo "data: $data ($rows x 20, raw doubles ${raw_mb} MB); heap limit -Xmx${xmx}"
echo "largest heap occupancy after a GC: ${peak} MB ($(awk -v p="$peak" -v r="$raw_mb" 'BEGIN{printf "%.2f", p/r}')x raw)"
/usr/bin/python3 -c "import json; t=json.load(open('/tmp/analyze-heap.json'))['timings']; print('timings:', {k: round(v, 2) for k, v in t.items()})"
