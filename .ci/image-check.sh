#!/usr/bin/env bash
# Builds the self-contained image (mvn -Pdist package) and proves it works without a JDK on PATH and
# without a display: --version, and an `analyze` whose result equals the jar's (timings aside).
# Then `analyze --out` without a display must write the whole kit, chart PNGs included.
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

# The kit without a display: the image must draw the four chart PNGs (Monocle merged into javafx.graphics)
# and embed them in report.html. env -i leaves DISPLAY and WAYLAND_DISPLAY unset.
kit="$out/kit"
"${clean_env[@]}" target/image/bin/segmentlab "${args[@]}" --k 4 --out "$kit" > /dev/null 2> "$out/kit.err"
if grep -q "skipped" "$out/kit.err"; then cat "$out/kit.err"; echo "the image skipped the charts"; exit 1; fi
python3 - "$kit" <<'PY'
import os, struct, sys
kit = sys.argv[1]
expected = {"segments.csv", "segment_summary.csv", "model.json", "model.pmml", "analysis.segmentlab",
            "elbow.png", "silhouette.png", "pca_scatter.png", "profile.png", "report.html"}
missing = expected - set(os.listdir(kit))
assert not missing, "the image's kit lacks %s" % sorted(missing)
for name in ("elbow.png", "silhouette.png", "pca_scatter.png", "profile.png"):
    with open(os.path.join(kit, name), "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", name + " is not a PNG"
    w, h = struct.unpack(">II", head[16:24])
    assert (w, h) == (1920, 1080), "%s is %dx%d, not 1920x1080" % (name, w, h)
html = open(os.path.join(kit, "report.html"), encoding="utf-8").read()
assert html.count('src="data:image/png;base64,') == 5, "report.html does not embed the five charts"
assert "<script" not in html.lower() and "http://" not in html and "https://" not in html
print("image analyze --out without a display: 10 files, 4 PNGs at 1920x1080, report with 5 charts")
PY
