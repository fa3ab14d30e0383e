import json

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def load_cfg(path="promo_config.json"):
    with open(path) as f:
        return json.load(f)


def load_events(cfg):
    ev = pd.read_csv(cfg["events_path"], parse_dates=["promo_start"])
    ev = ev[(ev["baseline_units"] > 0) & (ev["units"] > 0)].copy()
    ev["baseline_units_log"] = np.log(ev["baseline_units"])
    ev["log_lift"] = np.log(ev["units"] / ev["baseline_units"])
    return ev


def split_by_time(ev, cfg):
    cutoff = pd.Timestamp(cfg["cutoff"])
    return ev[ev["promo_start"] < cutoff], ev[ev["promo_start"] >= cutoff]


def build_preprocessor(cfg):
    cats = list(cfg["categorical"])
    return ColumnTransformer([
        ("num", StandardScaler(), cfg["numeric"]),
        ("cat", OneHotEncoder(categories=[cfg["categorical"][c] for c in cats],
                              handle_unknown="ignore", sparse_output=False), cats),
    ])
