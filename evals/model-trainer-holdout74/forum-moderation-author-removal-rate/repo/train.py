"""Train the removal classifier for the community forum moderation queue."""
import json

import numpy as np
import pandas as pd
import scipy.sparse as sp
import xgboost as xgb
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split

from moderation.features import TABULAR_COLUMNS, add_author_features, add_text_features

SEED = 2718

posts = pd.read_parquet("data/forum_posts_labelled.parquet")
posts["posted_at"] = pd.to_datetime(posts["posted_at"])
posts["author_created_at"] = pd.to_datetime(posts["author_created_at"])
posts = add_text_features(add_author_features(posts))
print(posts["is_removed"].mean(), len(posts))

train_df, test_df = train_test_split(posts, test_size=0.2, stratify=posts["is_removed"], random_state=SEED)
train_df, val_df = train_test_split(train_df, test_size=0.2, stratify=train_df["is_removed"], random_state=SEED)

tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_features=50000, sublinear_tf=True)
tfidf.fit(train_df["body"].fillna(""))


def matrix(frame):
    text = tfidf.transform(frame["body"].fillna(""))
    return sp.hstack([text, sp.csr_matrix(frame[TABULAR_COLUMNS].to_numpy(dtype=np.float32))]).tocsr()


X_train, X_val, X_test = matrix(train_df), matrix(val_df), matrix(test_df)
y_train, y_val, y_test = (d["is_removed"].to_numpy() for d in (train_df, val_df, test_df))

baseline = LogisticRegression(C=2.0, max_iter=2000, class_weight="balanced")
baseline.fit(tfidf.transform(train_df["body"].fillna("")), y_train)
base_scores = baseline.predict_proba(tfidf.transform(test_df["body"].fillna("")))[:, 1]

clf = xgb.XGBClassifier(
    n_estimators=2000, learning_rate=0.05, max_depth=6, subsample=0.8, colsample_bytree=0.4,
    scale_pos_weight=(y_train == 0).sum() / (y_train == 1).sum(), eval_metric="aucpr",
    early_stopping_rounds=100, random_state=SEED, tree_method="hist",
)
clf.fit(X_train, y_train, eval_set=[(X_val, y_val)], verbose=200)

val_scores = clf.predict_proba(X_val)[:, 1]
prec, rec, thr = precision_recall_curve(y_val, val_scores)
threshold = float(thr[np.argmax(2 * prec[:-1] * rec[:-1] / (prec[:-1] + rec[:-1] + 1e-9))])

test_scores = clf.predict_proba(X_test)[:, 1]
report = {
    "threshold": threshold,
    "baseline_roc_auc": roc_auc_score(y_test, base_scores),
    "baseline_pr_auc": average_precision_score(y_test, base_scores),
    "xgb_roc_auc": roc_auc_score(y_test, test_scores),
    "xgb_pr_auc": average_precision_score(y_test, test_scores),
    "xgb_f1": f1_score(y_test, test_scores >= threshold),
}
print(json.dumps(report, indent=2))
clf.save_model("models/removal_xgb.json")
