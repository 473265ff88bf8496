#!/usr/bin/env bash
# FX responsiveness benchmark: the real window, headless (Monocle, the same system properties as the
# tests), opens the 1,000,000 x 20 synthetic file and runs the default analysis (n_init 3), then shows
# the Choose k and Segments tabs, pans/zooms/hovers the 1M-point scatter for 180 pulses and picks another k.
# An AnimationTimer records the gaps between pulses; gaps over 50 ms are listed with a sample of the FX
# thread's stack, and every gap with over 40 ms of FX-thread CPU in time order. Figures go in
# bench/results/fx-pulse.md (by hand).
#
#   bench/fx-pulse.sh [csv] [n_init]
# The verdict runs in BENCHMARKS.md turn the stack samples off (each is a safepoint that stops every thread):
#   JAVA_OPTS=-Dfxpulse.stacks=false bench/fx-pulse.sh /tmp/synthetic_1m.csv 3
# The CSV is made if missing with
#   /usr/bin/python3 /work/shared/bench/make_synthetic.py --rows 1000000 --cols 20 --clusters 8 --seed 0 --out /tmp/synthetic_1m.csv
set -euo pipefail
cd "$(dirname "$0")/.."
CSV=${1:-/tmp/synthetic_1m.csv}
NINIT=${2:-3}
MAKE=${MAKE_SYNTHETIC:-/work/shared/bench/make_synthetic.py}
if [ ! -f "$CSV" ]; then
  /usr/bin/python3 "$MAKE" --rows 1000000 --cols 20 --clusters 8 --seed 0 --out "$CSV"
fi
mvn -o -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
# -Xss2m -XX:InitialRAMPercentage=6: the app's own launch options (jlink.properties java.options, javafx:run)
java -Xss2m -XX:InitialRAMPercentage=6 ${JAVA_OPTS:-} -Xmx6g -Xlog:gc:file=target/fx-pulse-gc.log -Djava.awt.headless=true -Dtestfx.headless=true -Dglass.platform=Monocle -Dmonocle.platform=Headless \
  -Dprism.order=sw -Dprism.text=t2k -Dsegmentlab.home=target/bench-home \
  -cp "$CP" org.segmentlab.bench.FxPulseBenchmark "$CSV" "$NINIT"
