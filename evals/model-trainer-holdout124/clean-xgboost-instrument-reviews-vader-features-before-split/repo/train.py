"""Predict star rating (1-5) of Amazon Musical Instruments reviews with XGBoost.

Inputs: VADER scores + simple text stats (features.py) and a 100-d LSA projection of the review text.
"""
import json

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import classification_report, f1_score, mean_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

from features import review_features

SEED = 2

df = pd.read_json("data/Musical_Instruments_5.json.gz", lines=True)
df = df.dropna(subset=["reviewText"]).drop_duplicates(subset=["reviewerID", "asin"]).reset_index(drop=True)
y = df["overall"].astype(int) - 1

hand = review_features(df)

idx_train, idx_test = train_test_split(df.index, test_size=0.2, stratify=y, random_state=SEED)
idx_fit, idx_val = train_test_split(idx_train, test_size=0.15, stratify=y[idx_train], random_state=SEED)

lsa = make_pipeline(
    TfidfVectorizer(min_df=3, max_df=0.9, ngram_range=(1, 2), sublinear_tf=True),
    TruncatedSVD(n_components=100, random_state=SEED),
)
lsa.fit(df.loc[idx_fit, "reviewText"])


def design(idx):
    z = pd.DataFrame(lsa.transform(df.loc[idx, "reviewText"]), index=idx).add_prefix("lsa_")
    return pd.concat([hand.loc[idx], z], axis=1)


X_fit, X_val, X_test = design(idx_fit), design(idx_val), design(idx_test)

clf = xgb.XGBClassifier(
    objective="multi:softprob",
    n_estimators=2000,
    learning_rate=0.05,
    max_depth=6,
    subsample=0.8,
    colsample_bytree=0.8,
    min_child_weight=3,
    tree_method="hist",
    eval_metric="mlogloss",
    early_stopping_rounds=100,
    random_state=SEED,
)
clf.fit(X_fit, y[idx_fit], eval_set=[(X_val, y[idx_val])], verbose=200)

proba = clf.predict_proba(X_test)
pred = proba.argmax(1)
exp_stars = proba @ np.arange(1, 6)
y_test = y[idx_test].to_numpy()
metrics = {
    "best_iteration": int(clf.best_iteration),
    "macro_f1": f1_score(y_test, pred, average="macro"),
    "mae_expected_stars": mean_absolute_error(y_test + 1, exp_stars),
}
print(classification_report(y_test + 1, pred + 1, digits=3))
print(json.dumps(metrics, indent=2))
clf.save_model("models/xgb_stars.json")
