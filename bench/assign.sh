#!/usr/bin/env bash
# Streaming assign benchmark: a model fitted on the first 100,000 rows of the 1,000,000 x 20 synthetic
# file (default preparation, k-means k=8 seed 42, PCA 2), then `assign` over the whole 1M-row file and
# over a 200k-row prefix, each ROUNDS times with a 64 MB heap (-Xmx64m: the 1M-row file is ~190 MB, so
# a run that held the rows could not finish). Prints rows/s and the peak heap per run, then the medians.
# Results go in bench/results/assign.md (by hand).
#
#   bench/assign.sh [csv] [rounds]
# The CSV is made if missing with
#   /usr/bin/python3 /work/shared/bench/make_synthetic.py --rows 1000000 --cols 20 --clusters 8 --seed 0 --out /tmp/synthetic_1m.csv
set -euo pipefail
cd "$(dirname "$0")/.."
CSV=${1:-/tmp/synthetic_1m.csv}
ROUNDS=${2:-3}
MAKE=${MAKE_SYNTHETIC:-/work/shared/bench/make_synthetic.py}
if [ ! -f "$CSV" ]; then
  /usr/bin/python3 "$MAKE" --rows 1000000 --cols 20 --clusters 8 --seed 0 --out "$CSV"
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
head -n 100001 "$CSV" > "$WORK/prefix_100k.csv"
head -n 200001 "$CSV" > "$WORK/prefix_200k.csv"
mvn -o -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
java -Xmx2g -cp "$CP" org.segmentlab.bench.AssignBenchmark fit "$WORK/prefix_100k.csv" 8 "$WORK/model.json"
for f in "$CSV" "$WORK/prefix_200k.csv"; do
  OUT=$(mktemp)
  for r in $(seq 1 "$ROUNDS"); do
    java -Xmx64m -cp "$CP" org.segmentlab.bench.AssignBenchmark assign "$WORK/model.json" "$f" "$WORK/out.csv" \
      | tee -a "$OUT"
  done
  /usr/bin/python3 - "$OUT" "$f" <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
print(f"{sys.argv[2]}: rows {rows[0][0]}, median {statistics.median(float(r[1]) for r in rows):.2f} s, "
      f"median {statistics.median(float(r[2]) for r in rows):,.0f} rows/s, "
      f"peak heap max {max(float(r[3]) for r in rows):.1f} MB (median {statistics.median(float(r[3]) for r in rows):.1f})")
PY
  rm -f "$OUT"
done
# The same 1M rows with a 16 MB heap: still finishes, so the rows are not held.
java -Xmx16m -cp "$CP" org.segmentlab.bench.AssignBenchmark assign "$WORK/model.json" "$CSV" "$WORK/out.csv" \
  | sed 's/^/Xmx16m: /'
# The command itself, end to end (JVM start, model read, notes, summary), once, with the same 64 MB heap.
/usr/bin/time -f "assign CLI: %e s wall, max RSS %M KB" java -Xmx64m -cp "$CP" org.segmentlab.Launcher assign -q \
  --model "$WORK/model.json" --input "$CSV" --out "$WORK/out.csv"
wc -l "$WORK/out.csv"
