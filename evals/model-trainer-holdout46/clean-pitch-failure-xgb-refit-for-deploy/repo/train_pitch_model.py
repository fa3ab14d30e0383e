"""Pitch-system fault model for the onshore fleet.

Stage 1 measures performance on a held-out period. Stage 2 retrains on every labelled day
with the number of trees found in stage 1 and writes the production artefact.
"""
import json

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve, precision_score, recall_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

with open("config.json") as fh:
    CFG = json.load(fh)
LABEL = CFG["label"]


def threshold_for_precision(y, p, min_precision):
    prec, rec, thr = precision_recall_curve(y, p)
    ok = np.where(prec[:-1] >= min_precision)[0]
    return float(thr[ok[0]]) if len(ok) else 0.5


def purge(frame, before, days):
    return frame[frame["date"] < pd.Timestamp(before) - pd.Timedelta(days=days)]


def main():
    df = pd.read_parquet(CFG["features_path"]).sort_values(["date", "turbine_id"])
    features = [c for c in df.columns if c not in ("turbine_id", "date", LABEL)]
    train = purge(df, CFG["val_start"], CFG["purge_days"])
    val = purge(df[df["date"] >= CFG["val_start"]], CFG["test_start"], CFG["purge_days"])
    test = df[df["date"] >= CFG["test_start"]]
    print({k: (len(v), round(v[LABEL].mean(), 4)) for k, v in [("train", train), ("val", val), ("test", test)]})

    spw = (train[LABEL] == 0).sum() / train[LABEL].sum()
    model = xgb.XGBClassifier(**CFG["xgb"], scale_pos_weight=spw, random_state=CFG["seed"])
    model.fit(train[features], train[LABEL], eval_set=[(val[features], val[LABEL])], verbose=200)
    p_val = model.predict_proba(val[features])[:, 1]
    thr = threshold_for_precision(val[LABEL], p_val, CFG["min_precision"])

    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, class_weight="balanced"))
    baseline.fit(train[features].fillna(0), train[LABEL])
    thr_base = threshold_for_precision(val[LABEL], baseline.predict_proba(val[features].fillna(0))[:, 1], CFG["min_precision"])

    report = {}
    for name, p, t in [
        ("logreg", baseline.predict_proba(test[features].fillna(0))[:, 1], thr_base),
        ("xgboost", model.predict_proba(test[features])[:, 1], thr),
    ]:
        y_hat = (p >= t).astype(int)
        report[name] = {
            "roc_auc": roc_auc_score(test[LABEL], p),
            "pr_auc": average_precision_score(test[LABEL], p),
            "precision": precision_score(test[LABEL], y_hat, zero_division=0),
            "recall": recall_score(test[LABEL], y_hat),
            "threshold": t,
        }
    print(json.dumps(report, indent=2))

    best_trees = model.best_iteration + 1
    prod_params = {k: v for k, v in CFG["xgb"].items() if k not in ("n_estimators", "early_stopping_rounds")}
    labelled = df[df["date"] < df["date"].max() - pd.Timedelta(days=CFG["purge_days"])]
    spw_all = (labelled[LABEL] == 0).sum() / labelled[LABEL].sum()
    production = xgb.XGBClassifier(**prod_params, n_estimators=best_trees, scale_pos_weight=spw_all,
                                   random_state=CFG["seed"])
    production.fit(labelled[features], labelled[LABEL])
    production.save_model(CFG["model_out"])
    with open(CFG["model_out"].replace(".json", "_card.json"), "w") as fh:
        json.dump({"holdout": report, "n_estimators": best_trees, "alert_threshold": thr}, fh, indent=2)


if __name__ == "__main__":
    main()
