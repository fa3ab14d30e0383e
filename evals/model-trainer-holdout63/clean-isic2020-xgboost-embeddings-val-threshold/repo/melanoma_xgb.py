"""ISIC 2020 melanoma triage: XGBoost on frozen EfficientNet embeddings + patient metadata.

Embeddings were exported per image by embed_isic.py (frozen backbone, no fitting). Splits are
grouped by patient because most patients contribute many lesion photos.
"""
import json

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score, roc_curve
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from xgboost import XGBClassifier

SEED = 2020
EMB = "data/isic2020/effnet_b4_embeddings.parquet"
META = "data/isic2020/train.csv"
TARGET_SENSITIVITY = 0.90
META_NUM, META_CAT = ["age_approx"], ["sex", "anatom_site_general_challenge"]


def grouped_split(df, seed):
    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    dev_idx, test_idx = next(outer.split(df, df["target"], groups=df["patient_id"]))
    dev = df.iloc[dev_idx]
    inner = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    tr_idx, va_idx = next(inner.split(dev, dev["target"], groups=dev["patient_id"]))
    return dev.iloc[tr_idx], dev.iloc[va_idx], df.iloc[test_idx]


def threshold_for_sensitivity(y, p, target):
    fpr, tpr, thr = roc_curve(y, p)
    return float(thr[np.argmax(tpr >= target)])


def report(y, p, thr):
    pred = p >= thr
    return {
        "roc_auc": roc_auc_score(y, p),
        "pr_auc": average_precision_score(y, p),
        "sensitivity": float(pred[y == 1].mean()),
        "specificity": float((~pred)[y == 0].mean()),
    }


meta = pd.read_csv(META)
emb = pd.read_parquet(EMB)
df = meta.merge(emb, on="image_name", validate="one_to_one")
emb_cols = [c for c in emb.columns if c.startswith("emb_")]
print(f"{len(df)} images, {df.patient_id.nunique()} patients, melanoma rate {df.target.mean():.4f}")

train, val, test = grouped_split(df, SEED)
feat_cols = emb_cols + ["age_approx"]

neg, pos = np.bincount(train["target"])
xgb = XGBClassifier(
    n_estimators=3000,
    learning_rate=0.02,
    max_depth=4,
    subsample=0.8,
    colsample_bytree=0.5,
    min_child_weight=5,
    scale_pos_weight=neg / pos,
    eval_metric="aucpr",
    early_stopping_rounds=200,
    tree_method="hist",
    random_state=SEED,
)
xgb.fit(train[feat_cols], train["target"], eval_set=[(val[feat_cols], val["target"])], verbose=200)

metadata_only = make_pipeline(
    ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), META_NUM),
        ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")), META_CAT),
    ]),
    LogisticRegression(max_iter=2000, class_weight="balanced"),
)
metadata_only.fit(train[META_NUM + META_CAT], train["target"])

results = {}
for name, predict in [
    ("xgb_embeddings", lambda d: xgb.predict_proba(d[feat_cols])[:, 1]),
    ("logreg_metadata_baseline", lambda d: metadata_only.predict_proba(d[META_NUM + META_CAT])[:, 1]),
]:
    thr = threshold_for_sensitivity(val["target"].values, predict(val), TARGET_SENSITIVITY)
    results[name] = {"threshold_from_val": thr, **report(test["target"].values, predict(test), thr)}

results["best_iteration"] = int(xgb.best_iteration)
print(json.dumps(results, indent=2))
xgb.save_model("models/xgb_melanoma.json")
