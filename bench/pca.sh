#!/usr/bin/env bash
# PCA benchmark: SegmentLab's Pca (2 components, 2 threads, after one warm-up fit) against scikit-learn's
# PCA(2, svd_solver='full') on the same z-scored 1,000,000 x 20 synthetic data. Rounds alternate Java
# and Python; the medians of the rounds are reported. Results go in bench/results/pca.md (by hand).
#
#   bench/pca.sh [csv] [rounds]
# The CSV is made if missing with
#   /usr/bin/python3 /work/shared/bench/make_synthetic.py --rows 1000000 --cols 20 --clusters 8 --seed 0 --out /tmp/synthetic_1m.csv
set -euo pipefail
cd "$(dirname "$0")/.."
CSV=${1:-/tmp/synthetic_1m.csv}
ROUNDS=${2:-5}
MAKE=${MAKE_SYNTHETIC:-/work/shared/bench/make_synthetic.py}
if [ ! -f "$CSV" ]; then
  /usr/bin/python3 "$MAKE" --rows 1000000 --cols 20 --clusters 8 --seed 0 --out "$CSV"
fi
mvn -o -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
JAVA_OUT=$(mktemp)
PY_OUT=$(mktemp)
for r in $(seq 1 "$ROUNDS"); do
  java -Xmx3g -cp "$CP" org.segmentlab.bench.PcaBenchmark "$CSV" 2 | tee -a "$JAVA_OUT"
  # OpenBLAS variables set for other tools on this machine are dropped so that numpy picks its defaults.
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 - "$CSV" <<'PY' | tee -a "$PY_OUT"
import sys, time
import numpy as np, pandas as pd
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler
df = pd.read_csv(sys.argv[1]).drop(columns=["CUSTOMER_ID"])
X = StandardScaler().fit_transform(df.fillna(df.mean()).to_numpy(np.float64))
t = time.perf_counter()
p = PCA(2, svd_solver="full").fit(X)
s = time.perf_counter() - t
print(f"sklearn {X.shape[0]} {X.shape[1]} {s:.4f} {p.explained_variance_ratio_[0]:.12f} {p.explained_variance_ratio_[1]:.12f}")
PY
done
/usr/bin/python3 - "$JAVA_OUT" "$PY_OUT" <<'PY'
import sys, statistics
j = [l.split() for l in open(sys.argv[1]) if l.strip()]
p = [l.split() for l in open(sys.argv[2]) if l.strip()]
jp = statistics.median(float(x[4]) for x in j)
jf = statistics.median(float(x[3]) for x in j)
prep = statistics.median(float(x[2]) for x in j)
sp = statistics.median(float(x[3]) for x in p)
print(f"rounds {len(j)}: java prep (mean-impute + z-score) median {prep:.3f} s")
print(f"java PCA median {jp:.3f} s (first fit in the JVM {jf:.3f} s); sklearn PCA median {sp:.3f} s")
print(f"ratio java/sklearn {jp / sp:.3f} (first fit {jf / sp:.3f})")
print(f"ratio1 java {j[0][5]} sklearn {p[0][4]}; ratio2 java {j[0][6]} sklearn {p[0][5]}")
PY
rm -f "$JAVA_OUT" "$PY_OUT"
