"""Raw scoring and norm-referenced T-scores for the occupational health baseline survey."""
import json

import numpy as np
import pandas as pd

PSS = [f"pss{i}" for i in range(1, 11)]
PSS_REV = ["pss4", "pss5", "pss7", "pss8"]
DASS = {
    "dass_depression": [3, 5, 10, 13, 16, 17, 21],
    "dass_anxiety": [2, 4, 7, 9, 15, 19, 20],
    "dass_stress": [1, 6, 8, 11, 12, 14, 18],
}
ISI = [f"isi{i}" for i in range(1, 8)]
OLBI_EXH = ["olbi02", "olbi04", "olbi05", "olbi08", "olbi10", "olbi12", "olbi14", "olbi16"]
OLBI_EXH_REV = ["olbi02", "olbi08", "olbi10", "olbi16"]


def raw_scores(df: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=df.index)
    pss = df[PSS].copy()
    pss[PSS_REV] = 4 - pss[PSS_REV]
    out["pss10_total"] = pss.sum(axis=1, min_count=9)
    for name, idx in DASS.items():
        out[name] = df[[f"dass{i}" for i in idx]].sum(axis=1, min_count=6) * 2
    out["isi_total"] = df[ISI].sum(axis=1, min_count=6)
    olbi = df[OLBI_EXH].copy()
    olbi[OLBI_EXH_REV] = 5 - olbi[OLBI_EXH_REV]
    out["olbi_exhaustion"] = olbi.mean(axis=1)
    return out


def load_norms(path="norms.json"):
    norms = json.load(open(path))
    norms.pop("_source", None)
    return norms


def to_t_scores(scores: pd.DataFrame, norms: dict) -> pd.DataFrame:
    """T = 50 + 10 * (raw - norm mean) / norm SD, clipped to the reported 20-80 range."""
    t = pd.DataFrame(index=scores.index)
    for col, ref in norms.items():
        t[f"{col}_t"] = np.clip(50 + 10 * (scores[col] - ref["mean"]) / ref["sd"], 20, 80)
    return t
