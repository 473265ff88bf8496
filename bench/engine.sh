#!/usr/bin/env bash
# Side-by-side benchmark of SegmentLab's engine against scikit-learn 1.2.1 (see bench/results/engine.md).
#
#   bench/engine.sh [reps] [cc|synthetic|all]     (default: 5 cc)
#
# (a)+(b) credit-card data: sweep k = 1..10, n_init 10, seed 42, 2 threads, exact silhouettes k = 2..10;
#         both tools run alternately `reps` times (default 5) in fresh processes; medians of
#         sweep_fit_s and silhouette_total_s.
# (c)     synthetic or all: 1,000,000 x 20 Gaussian mixture, the same sweep with a 10,000-row
#         silhouette sample (SYN_REPS runs each, default 1: one scikit-learn sweep takes minutes).
# THREADS=1 compares one thread each (default 2).
# CPU=1 compares CPU seconds instead of wall seconds (use it on a shared machine, with THREADS=1):
#         scikit-learn's script runs with time.perf_counter replaced by time.process_time (its timers
#         then read process CPU time); SegmentLab runs one warm-up sweep and reports process CPU of the
#         cold (first) and warm (second) sweep.
# Needs ../shared/bench (override with SHARED=...) and /usr/bin/python3 with scikit-learn.
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${1:-5}
WHAT=${2:-cc}
SHARED=${SHARED:-../shared}
OUT=${OUT:-target/bench-engine}
mkdir -p "$OUT"
mvn -o -B -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
CP="target/test-classes:target/classes:$(cat target/cp.txt)"
# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE may be set on this machine; scikit-learn runs without them.
SK=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 "$SHARED/bench/sklearn_reference.py")
JAVA=(java -Xmx6g -cp "$CP" org.segmentlab.bench.SweepBenchmark)
if [ "${CPU:-0}" = 1 ]; then
  SK=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 -c \
      'import runpy, sys, time; time.perf_counter = time.process_time; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name="__main__")' \
      "$SHARED/bench/sklearn_reference.py")
  JAVA+=(--warmup 1)
fi

run_pair() { # name input reps sk-args java-args
  local name=$1 input=$2 reps=$3 skargs=$4 jargs=$5
  for r in $(seq 1 "$reps"); do
    "${SK[@]}" --input "$input" --k-min 1 --k-max 10 --n-init 10 --seed 42 --threads "${THREADS:-2}" --pca 0 $skargs \
      > "$OUT/$name-sklearn-$r.json"
    "${JAVA[@]}" --input "$input" --k-min 1 --k-max 10 --n-init 10 --seed 42 --threads "${THREADS:-2}" $jargs \
      > "$OUT/$name-segmentlab-$r.json"
    echo "$name run $r done" >&2
  done
}

summarise() { # name
  /usr/bin/python3 - "$OUT" "$1" <<'PY'
import glob, json, statistics, sys
out, name = sys.argv[1], sys.argv[2]
def med(tool, key):
    v = [json.load(open(f))[key] for f in sorted(glob.glob(f"{out}/{name}-{tool}-*.json"))]
    return statistics.median(v), v
pairs = [("sweep_fit_s", "sweep_fit_s"), ("silhouette_total_s", "silhouette_total_s")]
if json.load(open(sorted(glob.glob(f"{out}/{name}-segmentlab-*.json"))[0])).get("warmup_sweeps", 0) > 0:
    pairs += [("sweep_fit_s", "cold_fit_cpu_s"), ("sweep_fit_s", "fit_cpu_s"),
              ("silhouette_total_s", "cold_silhouette_cpu_s"), ("silhouette_total_s", "silhouette_cpu_s")]
for skey, jkey in pairs:
    s, sv = med("sklearn", skey)
    j, jv = med("segmentlab", jkey)
    print(f"{name} scikit-learn {skey} median {s:.3f} s {[round(x, 3) for x in sv]}; "
          f"SegmentLab {jkey} median {j:.3f} s {[round(x, 3) for x in jv]}; ratio {j / s:.3f}")
PY
}

date -u +"start %Y-%m-%dT%H:%M:%SZ"; uptime
if [ "$WHAT" != synthetic ]; then
  run_pair cc samples/cc_general.csv "$REPS" "" "--silhouette exact"
  summarise cc
fi
if [ "$WHAT" != cc ]; then
  SYN_CSV=${SYN_CSV:-/tmp/synthetic_1m.csv}
  [ -f "$SYN_CSV" ] || /usr/bin/python3 "$SHARED/bench/make_synthetic.py" --rows 1000000 --cols 20 --clusters 8 \
      --seed 0 --out "$SYN_CSV"
  run_pair syn "$SYN_CSV" "${SYN_REPS:-1}" "--silhouette-sample 10000" "--silhouette sample:10000"
  summarise syn
fi
date -u +"end %Y-%m-%dT%H:%M:%SZ"; uptime
