"""Loading and feature preparation for class-level defect prediction (PROMISE CK metrics)."""
import logging

import numpy as np
import pandas as pd
from sklearn.feature_selection import SelectKBest, mutual_info_classif

log = logging.getLogger(__name__)


def load_metrics(cfg):
    df = pd.read_csv(cfg["data"]["path"])
    df = df.drop_duplicates(subset=cfg["features"] + [cfg["data"]["target"]])
    # PROMISE stores the number of post-release bugs; we predict defect-proneness.
    df["defective"] = (df[cfg["data"]["target"]] > 0).astype(int)
    log.info("loaded %d classes, %.1f%% defective", len(df), 100 * df["defective"].mean())
    return df


def log_transform(df, cols):
    out = df.copy()
    out[cols] = np.log1p(out[cols].clip(lower=0))
    return out


def select_metrics(X, y, k, seed):
    """Keep the k CK metrics carrying the most information about defectiveness."""
    scorer = lambda X_, y_: mutual_info_classif(X_, y_, random_state=seed)
    selector = SelectKBest(scorer, k=k).fit(X, y)
    kept = list(X.columns[selector.get_support()])
    log.info("selected metrics: %s", kept)
    return kept


def build_matrix(cfg):
    df = load_metrics(cfg)
    df = log_transform(df, cfg["features"])
    X_all = df[cfg["features"]]
    y = df["defective"]
    kept = select_metrics(X_all, y, cfg["selection"]["k"], cfg["split"]["seed"])
    return df[kept], y, kept
