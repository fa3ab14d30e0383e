"""Worst-performing-feeder (WPF) early warning.

Rows are feeder-years. Features describe the feeder at the end of year t (reliability history,
assets, vegetation cycle); the label says whether the feeder lands in the regulator's WPF list
(top 5% SAIFI) in year t+1.

  target years 2016-2020 -> train, 2021 -> validation (model choice), 2022 -> test
"""
import json

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier

SEED = 77
FEATURES = [
    "saifi_t", "saifi_t_minus1", "saidi_t", "caidi_t", "momentaries_t", "n_customers",
    "oh_miles", "ug_miles", "tree_canopy_pct", "years_since_trim", "n_protective_devices",
    "pct_bare_conductor", "avg_pole_age", "storm_days_t", "animal_outages_t",
]
TARGET = "wpf_next_year"


def candidates(pos_ratio):
    return {
        "logreg": make_pipeline(StandardScaler(), LogisticRegression(C=0.3, class_weight="balanced",
                                                                     max_iter=5000)),
        "rf": RandomForestClassifier(n_estimators=800, min_samples_leaf=5, class_weight="balanced",
                                     random_state=SEED, n_jobs=-1),
        "xgb": XGBClassifier(n_estimators=400, max_depth=4, learning_rate=0.05, subsample=0.8,
                             colsample_bytree=0.8, scale_pos_weight=1 / pos_ratio,
                             random_state=SEED, n_jobs=-1),
    }


def main():
    df = pd.read_csv("data/feeder_years.csv")
    df = df.dropna(subset=[TARGET])
    df["momentaries_t"] = df["momentaries_t"].fillna(0)

    train = df[df["target_year"].between(2016, 2020)]
    val = df[df["target_year"] == 2021]
    test = df[df["target_year"] == 2022]
    print({k: (len(v), round(v[TARGET].mean(), 3)) for k, v in
           {"train": train, "val": val, "test": test}.items()})

    pos_ratio = train[TARGET].mean() / (1 - train[TARGET].mean())
    val_scores = {}
    for name, est in candidates(pos_ratio).items():
        m = clone(est).fit(train[FEATURES], train[TARGET])
        p = m.predict_proba(val[FEATURES])[:, 1]
        val_scores[name] = {"auc": roc_auc_score(val[TARGET], p), "ap": average_precision_score(val[TARGET], p)}
        print(f"{name:7s} val AUC {val_scores[name]['auc']:.4f}  AP {val_scores[name]['ap']:.4f}")

    chosen = max(val_scores, key=lambda k: val_scores[k]["ap"])
    print("chosen:", chosen)

    # refit the chosen model on 2016-2021 before the final test on 2022
    train_val = pd.concat([train, val])
    tv_ratio = train_val[TARGET].mean() / (1 - train_val[TARGET].mean())
    final = clone(candidates(tv_ratio)[chosen]).fit(train_val[FEATURES], train_val[TARGET])

    p_test = final.predict_proba(test[FEATURES])[:, 1]
    n_flag = int(np.ceil(0.05 * len(test)))
    flagged = np.argsort(-p_test)[:n_flag]
    hits = int(test[TARGET].values[flagged].sum())
    result = {
        "model": chosen,
        "val": val_scores,
        "test_auc": roc_auc_score(test[TARGET], p_test),
        "test_ap": average_precision_score(test[TARGET], p_test),
        "test_hits_in_top5pct": f"{hits}/{int(test[TARGET].sum())}",
    }
    print(json.dumps(result, indent=2))
    with open("wpf_results.json", "w") as fh:
        json.dump(result, fh, indent=2)


if __name__ == "__main__":
    main()
