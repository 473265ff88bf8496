#!/usr/bin/env bash
# Builds the self-contained image (mvn -Pdist package) and proves it works without a JDK on PATH and
# without a display: --version, and an `analyze` whose result equals the jar's (timings aside).
set -euo pipefail
cd "$(dirname "$0")/.."
# jlink needs the JDK's jmods; Debian ships them in the JDK here, but install them if a machine lacks them.
jdk_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
if [ ! -d "$jdk_home/jmods" ] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq openjdk-17-jmods fakeroot >/dev/null
fi
mvn -B -q -Pdist -DskipTests package
size_mb=$(du -sm target/image | cut -f1)
echo "image: target/image, ${size_mb} MB"
[ "$size_mb" -le 120 ] || { echo "image is larger than 120 MB"; exit 1; }

clean_env=(env -i PATH=/usr/bin:/bin HOME="$(mktemp -d)")
"${clean_env[@]}" target/image/bin/segmentlab --version
args=(analyze --input samples/cc_general.csv --k-min 2 --k-max 5 --n-init 3 --quiet)
out=$(mktemp -d)
"${clean_env[@]}" target/image/bin/segmentlab "${args[@]}" --json "$out/image.json" --labels "$out/image.csv" > /dev/null
java -jar target/segmentlab.jar "${args[@]}" --json "$out/jar.json" --labels "$out/jar.csv" > /dev/null
cmp "$out/image.csv" "$out/jar.csv"
python3 - "$out/image.json" "$out/jar.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for d in (a, b):
    d.pop("timings")
    for e in d["sweep"]:
        e.pop("fit_seconds")
assert a == b, "the image's analyze differs from the jar's"
print("image analyze == jar analyze (k = %d, %d rows)" % (a["chosen_k"], a["rows_used"]))
PY
