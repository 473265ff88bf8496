#!/usr/bin/python3
"""Writes cc_general_standard_scaler.json: scikit-learn's StandardScaler on samples/cc_general.csv
(CUST_ID dropped, missing values filled with the column mean, as in /work/shared/bench/sklearn_reference.py).

  /usr/bin/python3 src/test/resources/prep/make_standard_scaler_reference.py
"""
import json
import numpy as np
import pandas as pd
import sklearn
from sklearn.preprocessing import StandardScaler, RobustScaler

df = pd.read_csv("samples/cc_general.csv").drop(columns=["CUST_ID"])
X = df.fillna(df.mean()).to_numpy(np.float64)
sc = StandardScaler().fit(X)
Z = sc.transform(X)
rob = RobustScaler().fit(X)
rows = [0, 1, 2, 3, 4, 100, 8949]
out = {
    "source": "samples/cc_general.csv, mean-imputed, scikit-learn " + sklearn.__version__,
    "columns": list(df.columns),
    "fill_mean": [float(v) for v in df.mean()],
    "mean": sc.mean_.tolist(),
    "scale": sc.scale_.tolist(),
    "robust_center": rob.center_.tolist(),
    "robust_scale": rob.scale_.tolist(),
    "skew": [float(v) for v in df.skew()],
    "rows": rows,
    "scaled_rows": [Z[r].tolist() for r in rows],
}
json.dump(out, open("src/test/resources/prep/cc_general_standard_scaler.json", "w"), indent=1)
