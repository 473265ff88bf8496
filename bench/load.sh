#!/usr/bin/env bash
# Load benchmark: SegmentLab's CsvLoader vs pandas.read_csv on the same 1,000,000 x 20 synthetic file.
# Alternates 5 runs of each, side by side, and prints the medians and the ratio.
#
#   bench/load.sh [FILE]        (default /tmp/synthetic_1m.csv, generated when missing)
#
# Each SegmentLab run is a fresh JVM that loads the file twice: "cold" is the first load (JIT not yet
# warm, as in a freshly started app), "warm" the second. pandas is timed around read_csv only.
set -euo pipefail
cd "$(dirname "$0")/.."
FILE=${1:-/tmp/synthetic_1m.csv}
RUNS=${RUNS:-5}
JAVA_OPTS=${JAVA_OPTS:--Xms2g -Xmx4g}

if [[ ! -f "$FILE" ]]; then
  echo "generating $FILE ..."
  /usr/bin/python3 ../shared/bench/make_synthetic.py --rows 1000000 --cols 20 --clusters 8 --seed 0 --out "$FILE" 2>/dev/null \
    || /usr/bin/python3 /work/shared/bench/make_synthetic.py --rows 1000000 --cols 20 --clusters 8 --seed 0 --out "$FILE"
fi
mvn -o -q -B test-compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
CP="target/classes:target/test-classes:$(cat target/cp.txt)"

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
cold=(); warm=(); pandas=(); bytes=""
for i in $(seq 1 "$RUNS"); do
  out=$(java $JAVA_OPTS -cp "$CP" org.segmentlab.bench.LoadBenchmark "$FILE" 2 --no-statistics)
  c=$(echo "$out" | sed -n 's/^run 1: \([0-9.]*\) s.*/\1/p')
  w=$(echo "$out" | sed -n 's/^run 2: \([0-9.]*\) s.*/\1/p')
  bytes=$(echo "$out" | grep '^table_bytes')
  p=$(/usr/bin/python3 -c "
import pandas, time
t = time.perf_counter(); df = pandas.read_csv('$FILE'); print(round(time.perf_counter() - t, 3))")
  echo "round $i: segmentlab cold ${c}s warm ${w}s | pandas ${p}s"
  cold+=("$c"); warm+=("$w"); pandas+=("$p")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mc=$(median "${cold[@]}"); mw=$(median "${warm[@]}"); mp=$(median "${pandas[@]}")
echo "median segmentlab cold ${mc}s, warm ${mw}s; pandas ${mp}s"
echo "ratio warm/pandas $(awk -v a="$mw" -v b="$mp" 'BEGIN {printf "%.2f", a/b}'), cold/pandas $(awk -v a="$mc" -v b="$mp" 'BEGIN {printf "%.2f", a/b}')"
echo "$bytes"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
