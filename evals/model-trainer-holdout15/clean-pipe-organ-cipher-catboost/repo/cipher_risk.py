#!/usr/bin/env python
"""Risk that an organ note develops a cipher (pipe sounds without the key pressed) before the
next tuning visit. Rows: one (organ, stop, note) as found at its latest survey visit. Native CatBoost API."""
import argparse
import json
import logging

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool, cv
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold

CAT = ["organ_builder", "action_type", "windchest_type", "stop_family", "climate_zone"]
NUM = ["note_midi", "wind_pressure_mm", "pallet_spring_n", "leather_age_years", "rh_min", "rh_max",
       "temp_min", "days_since_tuning", "ciphers_last_5y"]
TARGET = "cipher_before_next_visit"


def parse():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default="data/organ_notes.parquet")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--model-out", default="cipher_catboost.cbm")
    return ap.parse_args()


def main():
    args = parse()
    logging.basicConfig(level=logging.INFO)
    log = logging.getLogger("cipher")

    notes = pd.read_parquet(args.data)
    notes[CAT] = notes[CAT].fillna("missing")

    # whole organs go to one side only: 5 stratified group folds -> fold 0 test, fold 1 validation
    sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=args.seed)
    folds = list(sgkf.split(notes, notes[TARGET], groups=notes["organ_id"]))
    test_idx, val_idx = folds[0][1], folds[1][1]
    train_idx = np.setdiff1d(np.arange(len(notes)), np.concatenate([test_idx, val_idx]))
    train, val, test = notes.iloc[train_idx], notes.iloc[val_idx], notes.iloc[test_idx]
    log.info("organs train/val/test: %d/%d/%d", train.organ_id.nunique(), val.organ_id.nunique(), test.organ_id.nunique())

    mk = lambda d: Pool(d[CAT + NUM], d[TARGET], cat_features=CAT)
    p_train, p_val, p_test = mk(train), mk(val), mk(test)

    # compare depths with CatBoost's own CV on the training pool only
    depth_scores = {}
    for depth in (4, 6, 8):
        res = cv(p_train, {"loss_function": "Logloss", "eval_metric": "PRAUC", "depth": depth,
                           "learning_rate": 0.05, "iterations": 1500, "random_seed": args.seed,
                           "verbose": False}, fold_count=4, stratified=True, seed=args.seed,
                 early_stopping_rounds=100)
        depth_scores[depth] = res["test-PRAUC-mean"].max()
    depth = max(depth_scores, key=depth_scores.get)
    log.info("CV PR-AUC by depth %s -> %d", depth_scores, depth)

    model = CatBoostClassifier(depth=depth, learning_rate=0.05, iterations=3000, eval_metric="PRAUC",
                               random_seed=args.seed, early_stopping_rounds=150, verbose=250)
    model.fit(p_train, eval_set=p_val, use_best_model=True)

    pv = model.predict_proba(p_val)[:, 1]
    pr, rc, th = precision_recall_curve(val[TARGET], pv)
    thr = float(th[np.argmax(2 * pr[:-1] * rc[:-1] / np.clip(pr[:-1] + rc[:-1], 1e-9, None))])

    pt = model.predict_proba(p_test)[:, 1]
    history_rule = (test["ciphers_last_5y"] > 0).astype(int)
    out = {
        "pr_auc": average_precision_score(test[TARGET], pt),
        "roc_auc": roc_auc_score(test[TARGET], pt),
        "f1_at_val_threshold": f1_score(test[TARGET], pt >= thr),
        "threshold": thr,
        "baseline_prev_cipher_f1": f1_score(test[TARGET], history_rule),
        "baseline_prev_cipher_pr_auc": average_precision_score(test[TARGET], test["ciphers_last_5y"]),
    }
    print(json.dumps(out, indent=2))
    model.save_model(args.model_out)


if __name__ == "__main__":
    main()
