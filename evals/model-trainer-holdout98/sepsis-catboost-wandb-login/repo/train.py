import json
import sys

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold

from sepsis_cb.features import CAT_FEATURES, NUM_FEATURES, prepare, qsofa
from sepsis_cb.tracking import log_metrics, start_run


def patient_fold(y, groups, n_splits, seed):
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return next(sgkf.split(np.zeros(len(y)), y, groups))


def scores(y, p):
    return {"auroc": roc_auc_score(y, p), "auprc": average_precision_score(y, p)}


def main(cfg_path):
    with open(cfg_path) as fh:
        cfg = json.load(fh)
    np.random.seed(cfg["seed"])
    run = start_run(cfg, name=f"catboost-seed{cfg['seed']}")

    df = prepare(pd.read_parquet(cfg["data_path"]))
    features = NUM_FEATURES + CAT_FEATURES
    y, groups = df["label"].to_numpy(), df["patient_id"].to_numpy()

    dev_idx, test_idx = patient_fold(y, groups, cfg["test_folds"], cfg["seed"])
    tr_rel, va_rel = patient_fold(y[dev_idx], groups[dev_idx], cfg["val_folds"], cfg["seed"])
    tr_idx, va_idx = dev_idx[tr_rel], dev_idx[va_rel]

    def pool(idx):
        return Pool(df.loc[idx, features], y[idx], cat_features=CAT_FEATURES)

    model = CatBoostClassifier(random_seed=cfg["seed"], verbose=250,
                               auto_class_weights="Balanced", **cfg["catboost"])
    model.fit(pool(tr_idx), eval_set=pool(va_idx), use_best_model=True)

    test_scores = {
        "qsofa": scores(y[test_idx], qsofa(df.loc[test_idx])),
        "catboost": scores(y[test_idx], model.predict_proba(pool(test_idx))[:, 1]),
    }
    for name, metrics in test_scores.items():
        print(name, {k: round(v, 4) for k, v in metrics.items()})
        log_metrics(run, f"test/{name}", metrics)

    model.save_model("catboost_sepsis.cbm")
    run.log_artifact("catboost_sepsis.cbm", type="model")
    run.finish()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "configs/catboost_sepsis.json")
