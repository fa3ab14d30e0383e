"""Extract per-wafer features from LSWMD.pkl and cache them (run once, ~20 min)."""
import sys

import numpy as np
import pandas as pd
from joblib import Parallel, delayed
from scipy.interpolate import interp1d
from skimage.transform import radon


def radon_stats(fail, n=16):
    sino = radon(fail.astype(float), theta=np.arange(0, 180, 3), circle=False)
    out = []
    for prof in (sino.mean(axis=1), sino.std(axis=1)):
        f = interp1d(np.linspace(0, 1, prof.size), prof, kind="linear")
        out.extend(f(np.linspace(0, 1, n)))
    return out


def features(m):
    on, fail = m > 0, m == 2
    h, w = m.shape
    yy, xx = np.mgrid[:h, :w]
    r = np.hypot(yy - (h - 1) / 2, xx - (w - 1) / 2) / (max(h, w) / 2)
    fail_r = r[fail]
    row = [
        fail.sum() / max(on.sum(), 1),
        fail_r.mean() if fail_r.size else 0.0,
        fail_r.std() if fail_r.size else 0.0,
        (fail & (r > 0.85)).sum() / max((on & (r > 0.85)).sum(), 1),
        (fail & (r < 0.3)).sum() / max((on & (r < 0.3)).sum(), 1),
    ]
    return row + radon_stats(fail)


if __name__ == "__main__":
    src, dst = sys.argv[1], sys.argv[2]
    df = pd.read_pickle(src)
    df["failureType"] = df["failureType"].apply(lambda v: v[0][0] if len(v) > 0 else None)
    df = df.dropna(subset=["failureType"]).reset_index(drop=True)
    rows = Parallel(n_jobs=-1)(delayed(features)(m) for m in df["waferMap"])
    cols = ["fail_frac", "fail_r_mean", "fail_r_std", "edge_fail_frac", "center_fail_frac"]
    cols += [f"radon_mean_{i}" for i in range(16)] + [f"radon_std_{i}" for i in range(16)]
    feats = pd.DataFrame(rows, columns=cols)
    feats[["lotName", "waferIndex", "failureType"]] = df[["lotName", "waferIndex", "failureType"]]
    feats.to_parquet(dst)
