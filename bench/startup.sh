#!/usr/bin/env bash
# Start-up time as a user sees it: JVM start -> window on screen, and -> first frame with the sample's
# segment charts (the app analyses the sample at once). Runs the jar (and the runtime image, if built)
# under Xvfb N times each, with and without a class-data-sharing archive; prints medians.
#   bench/startup.sh [N]      (needs xvfb: apt-get install -y xvfb)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5}
[ -f target/segmentlab.jar ] || mvn -B -q -o -DskipTests package
export DISPLAY=:91
Xvfb :91 -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
sleep 1
work=$(mktemp -d)
run() { # label, then the command; prints window_ms charts_ms
    local label=$1; shift
    rm -rf "$work/home"
    timeout 120 "$@" >/dev/null 2>&1 || true
    if [ -f "$work/report.json" ]; then
        python3 -c "import json,sys; d=json.load(open('$work/report.json')); print('$label', d['window_ms'], d['charts_ms'])"
        rm -f "$work/report.json"
    else
        echo "$label failed"
    fi
}
props=(-Dsegmentlab.home="$work/home" -Dsegmentlab.startupReport="$work/report.json" -Dsegmentlab.exitAfterStartup=true)
# A dynamic CDS archive of the classes a start-up loads (JDK 13+), made once.
java -XX:ArchiveClassesAtExit="$work/app.jsa" "${props[@]}" -jar target/segmentlab.jar >/dev/null 2>&1 || true
rm -f "$work/report.json"
{
for i in $(seq 1 "$n"); do
    run jar java "${props[@]}" -jar target/segmentlab.jar
    [ -f "$work/app.jsa" ] && run jar+cds java -XX:SharedArchiveFile="$work/app.jsa" "${props[@]}" -jar target/segmentlab.jar
    [ -x target/image/bin/java ] && run image target/image/bin/java -Xss2m "${props[@]}" -m org.segmentlab/org.segmentlab.Launcher
done
} | tee "$work/runs.txt"
python3 - "$work/runs.txt" <<'PY'
import sys, statistics, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    p = line.split()
    if len(p) == 3:
        rows[p[0]].append((int(p[1]), int(p[2])))
for label, v in rows.items():
    print(f"{label:9s} runs {len(v)}  window median {statistics.median(w for w, _ in v):6.0f} ms   "
          f"charts median {statistics.median(c for _, c in v):6.0f} ms")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
