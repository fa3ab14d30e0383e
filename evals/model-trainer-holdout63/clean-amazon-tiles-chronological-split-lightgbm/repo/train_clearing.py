"""Forest-clearing detector for monthly PlanetScope tiles (frozen CLIP ViT-B/16 embeddings per tile).

The model will score next month's mosaics, so evaluation is strictly forward in time:
train on older acquisitions, early-stop on the following months, test on 2022 onwards.
"""
import json
from itertools import product

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import TimeSeriesSplit, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

cfg = json.load(open("config.json"))
SEED = cfg["seed"]
np.random.seed(SEED)

df = pd.read_parquet(cfg["table"])
df["acquired"] = pd.to_datetime(df["acquired"])
df = df.sort_values(["acquired", "tile_id"]).reset_index(drop=True)
feats = [c for c in df.columns if c.startswith("clip_")] + ["cloud_fraction", "sun_elevation"]

dev = df[df["acquired"] < cfg["test_start"]]
test = df[df["acquired"] >= cfg["test_start"]]
train, val = train_test_split(dev, test_size=cfg["val_fraction"], shuffle=False)
print({k: (len(v), round(v["cleared"].mean(), 4), str(v["acquired"].min().date()), str(v["acquired"].max().date()))
       for k, v in [("train", train), ("val", val), ("test", test)]})

base_params = dict(objective="binary", learning_rate=0.03, n_estimators=4000, subsample=0.8, subsample_freq=1,
                   colsample_bytree=0.5, reg_lambda=1.0, random_state=SEED, verbose=-1)

best_cfg, best_cv = None, -np.inf
for leaves, min_child in product(cfg["param_grid"]["num_leaves"], cfg["param_grid"]["min_child_samples"]):
    fold_ap = []
    for tr_idx, va_idx in TimeSeriesSplit(n_splits=4).split(train):
        tr, va = train.iloc[tr_idx], train.iloc[va_idx]
        m = lgb.LGBMClassifier(num_leaves=leaves, min_child_samples=min_child, **base_params)
        m.fit(tr[feats], tr["cleared"], eval_set=[(va[feats], va["cleared"])],
              callbacks=[lgb.early_stopping(150, verbose=False)])
        fold_ap.append(average_precision_score(va["cleared"], m.predict_proba(va[feats])[:, 1]))
    print(f"num_leaves={leaves} min_child_samples={min_child} cv_AP={np.mean(fold_ap):.4f}")
    if np.mean(fold_ap) > best_cv:
        best_cv, best_cfg = np.mean(fold_ap), {"num_leaves": leaves, "min_child_samples": min_child}

model = lgb.LGBMClassifier(**best_cfg, **base_params)
model.fit(train[feats], train["cleared"], eval_set=[(val[feats], val["cleared"])],
          callbacks=[lgb.early_stopping(200), lgb.log_evaluation(200)])

baseline = make_pipeline(StandardScaler(), LogisticRegression(C=0.05, max_iter=3000, class_weight="balanced"))
baseline.fit(train[feats], train["cleared"])


def f1_threshold(y, p):
    prec, rec, thr = precision_recall_curve(y, p)
    return float(thr[np.argmax(2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-12, None))])


y_test = test["cleared"].to_numpy()
results = {"best_params": best_cfg}
for name, est in [("lightgbm", model), ("logreg_baseline", baseline)]:
    threshold = f1_threshold(val["cleared"], est.predict_proba(val[feats])[:, 1])
    p = est.predict_proba(test[feats])[:, 1]
    pred = (p >= threshold).astype(int)
    results[name] = {
        "val_threshold": threshold,
        "roc_auc": roc_auc_score(y_test, p),
        "pr_auc": average_precision_score(y_test, p),
        "precision": precision_score(y_test, pred, zero_division=0),
        "recall": recall_score(y_test, pred),
        "f1": f1_score(y_test, pred),
    }
results["prevalence_pr_auc"] = float(y_test.mean())
print(json.dumps(results, indent=2))
model.booster_.save_model(cfg["out"])
