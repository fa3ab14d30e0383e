"""Elliptic illicit-transaction detection with a temporal split (Weber et al., 2019 protocol).

time steps 1-29 train | 30-34 validation | 35-49 test
"""
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, precision_score, recall_score

DATA = Path("data/elliptic_bitcoin_dataset")
SEED = 1234
TRAIN_END, VAL_END = 29, 34


def load_labelled():
    feats = pd.read_csv(DATA / "elliptic_txs_features.csv", header=None)
    feats.columns = ["txId", "time_step"] + [f"f{i}" for i in range(feats.shape[1] - 2)]
    classes = pd.read_csv(DATA / "elliptic_txs_classes.csv")
    df = feats.merge(classes, on="txId")
    df = df[df["class"] != "unknown"].copy()
    df["illicit"] = (df["class"] == "1").astype(int)
    return df.drop(columns=["class"])


def report(name, y_true, proba, threshold):
    pred = (proba >= threshold).astype(int)
    return {
        "model": name,
        "pr_auc": average_precision_score(y_true, proba),
        "precision": precision_score(y_true, pred, zero_division=0),
        "recall": recall_score(y_true, pred),
        "f1": f1_score(y_true, pred),
        "threshold": float(threshold),
    }


def val_threshold(y_val, p_val):
    prec, rec, thr = precision_recall_curve(y_val, p_val)
    f1 = 2 * prec * rec / np.clip(prec + rec, 1e-9, None)
    return thr[np.argmax(f1[:-1])]


def main():
    np.random.seed(SEED)
    df = load_labelled().sort_values("time_step")
    feature_cols = [c for c in df.columns if c.startswith("f")]

    train = df[df["time_step"] <= TRAIN_END]
    val = df[(df["time_step"] > TRAIN_END) & (df["time_step"] <= VAL_END)]
    test = df[df["time_step"] > VAL_END]
    for name, part in [("train", train), ("val", val), ("test", test)]:
        print(f"{name:5s} steps {part.time_step.min()}-{part.time_step.max()} "
              f"n={len(part)} illicit={part.illicit.mean():.3f}")

    X_tr, y_tr = train[feature_cols], train["illicit"]
    X_va, y_va = val[feature_cols], val["illicit"]
    X_te, y_te = test[feature_cols], test["illicit"]

    rf = RandomForestClassifier(n_estimators=50, max_features=50, n_jobs=-1, random_state=SEED)
    rf.fit(X_tr, y_tr)

    gbm = lgb.LGBMClassifier(
        n_estimators=3000, learning_rate=0.02, num_leaves=31, subsample=0.8, subsample_freq=1,
        colsample_bytree=0.5, random_state=SEED, verbose=-1,
    )
    gbm.fit(X_tr, y_tr, eval_set=[(X_va, y_va)], eval_metric="average_precision",
            callbacks=[lgb.early_stopping(150, verbose=False)])

    results = []
    for name, model in [("random_forest", rf), ("lightgbm", gbm)]:
        thr = val_threshold(y_va, model.predict_proba(X_va)[:, 1])
        results.append(report(name, y_te, model.predict_proba(X_te)[:, 1], thr))

    per_step = (
        test.assign(pred=(gbm.predict_proba(X_te)[:, 1] >= results[1]["threshold"]).astype(int))
        .groupby("time_step")
        .apply(lambda g: f1_score(g["illicit"], g["pred"], zero_division=0))
    )
    print(pd.DataFrame(results).round(4).to_string(index=False))
    print("illicit F1 per test time step:\n", per_step.round(3).to_string())
    Path("artifacts").mkdir(exist_ok=True)
    Path("artifacts/temporal_results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
