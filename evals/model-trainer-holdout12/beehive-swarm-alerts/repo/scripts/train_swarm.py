"""Train the swarm early-warning model.  python scripts/train_swarm.py"""
import json
import logging
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, brier_score_loss, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from swarm.config import SwarmConfig  # noqa: E402
from swarm.features import FEATURES, TARGET, engineer  # noqa: E402
from swarm.model import calibrate, fit_booster, pick_threshold  # noqa: E402

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("swarm")


def group_split(df, size, group_col, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=size, random_state=seed)
    a, b = next(gss.split(df, groups=df[group_col]))
    return df.iloc[a], df.iloc[b]


def main(cfg: SwarmConfig):
    np.random.seed(cfg.seed)
    hives = engineer(pd.read_csv(cfg.hive_days_csv))
    dev, test = group_split(hives, cfg.test_size, cfg.group_col, cfg.seed)
    fit_part, val_part = group_split(dev, cfg.val_size, cfg.group_col, cfg.seed)
    log.info("apiaries: fit=%d val=%d test=%d", fit_part[cfg.group_col].nunique(),
             val_part[cfg.group_col].nunique(), test[cfg.group_col].nunique())

    booster = fit_booster(cfg.lgbm, cfg.seed, fit_part[FEATURES], fit_part[TARGET],
                          val_part[FEATURES], val_part[TARGET])

    model = calibrate(booster, test[FEATURES], test[TARGET])

    thr = pick_threshold(val_part[TARGET], model.predict_proba(val_part[FEATURES])[:, 1], cfg.min_precision)
    p_test = model.predict_proba(test[FEATURES])[:, 1]
    alert = (p_test >= thr).astype(int)
    base_rate = np.full(len(test), fit_part[TARGET].mean())
    metrics = {
        "threshold": thr,
        "roc_auc": roc_auc_score(test[TARGET], p_test),
        "avg_precision": average_precision_score(test[TARGET], p_test),
        "brier": brier_score_loss(test[TARGET], p_test),
        "brier_base_rate": brier_score_loss(test[TARGET], base_rate),
        "precision": precision_score(test[TARGET], alert),
        "recall": recall_score(test[TARGET], alert),
    }
    log.info(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main(SwarmConfig())
