"""Fall detector on SisFall waist-sensor windows, subject-disjoint train / val / test."""
import json

import lightgbm as lgb
import numpy as np
import pandas as pd

from falls.operating_point import alarm_metrics, pick_threshold, ranking_metrics

CFG = json.load(open("fall_config.json"))
SEED = CFG["seed"]


def part(df, name):
    sub = df[df["subject"].isin(CFG["subjects"][name])]
    feats = [c for c in df.columns if c.startswith("f_")]
    return sub, sub[feats], sub["is_fall"].to_numpy()


def main():
    np.random.seed(SEED)
    df = pd.read_parquet(CFG["features"])
    train, X_tr, y_tr = part(df, "train")
    val, X_va, y_va = part(df, "val")
    test, X_te, y_te = part(df, "test")
    for name, y in (("train", y_tr), ("val", y_va), ("test", y_te)):
        print(f"{name:5s} windows={len(y):6d} falls={y.sum():5d} ({y.mean():.2%})")

    model = lgb.LGBMClassifier(**CFG["lgbm"], is_unbalance=True, random_state=SEED, verbose=-1)
    model.fit(X_tr, y_tr, eval_set=[(X_va, y_va)], eval_metric="average_precision",
              callbacks=[lgb.early_stopping(150, verbose=False)])

    val_scores = model.predict_proba(X_va)[:, 1]
    threshold = pick_threshold(y_va, val_scores, CFG["min_recall"])

    # baseline: peak acceleration magnitude, its cut-off chosen the same way on validation
    smv_threshold = pick_threshold(y_va, val["f_smv_peak"].to_numpy(), CFG["min_recall"])

    test_scores = model.predict_proba(X_te)[:, 1]
    report = {
        "lightgbm": {**ranking_metrics(y_te, test_scores), **alarm_metrics(y_te, test_scores, threshold)},
        "smv_peak_rule": {**ranking_metrics(y_te, test["f_smv_peak"].to_numpy()),
                          **alarm_metrics(y_te, test["f_smv_peak"].to_numpy(), smv_threshold)},
        "best_iteration": model.best_iteration_,
    }
    print(json.dumps(report, indent=2, default=float))
    model.booster_.save_model("fall_lgbm.txt")
    with open("fall_report.json", "w") as f:
        json.dump(report, f, indent=2, default=float)


if __name__ == "__main__":
    main()
