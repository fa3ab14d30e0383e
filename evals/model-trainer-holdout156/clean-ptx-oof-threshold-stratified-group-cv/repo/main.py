"""Detect pneumothorax mentions in post-lung-biopsy CXR reports at a fixed high-sensitivity operating point."""
import json

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import make_pipeline

from oof import oof_probabilities, threshold_for_sensitivity

cfg = json.load(open("settings.json"))
df = pd.read_csv(cfg["data_path"])
X, y, groups = df[cfg["text_col"]].fillna(""), df[cfg["label_col"]].astype(int), df[cfg["group_col"]]

gss = GroupShuffleSplit(n_splits=1, test_size=cfg["test_size"], random_state=cfg["seed"])
tr, te = next(gss.split(X, y, groups))
X_tr, y_tr, g_tr = X.iloc[tr].reset_index(drop=True), y.iloc[tr].reset_index(drop=True), groups.iloc[tr].reset_index(drop=True)
X_te, y_te = X.iloc[te], y.iloc[te]

tf = cfg["tfidf"]
pipe = make_pipeline(
    TfidfVectorizer(ngram_range=tuple(tf["ngram_range"]), min_df=tf["min_df"], sublinear_tf=tf["sublinear_tf"]),
    LogisticRegression(C=cfg["C"], class_weight="balanced", max_iter=3000),
)

oof = oof_probabilities(pipe, X_tr, y_tr, g_tr, cfg["n_folds"], cfg["seed"])
thr = threshold_for_sensitivity(y_tr, oof, cfg["target_sensitivity"])
print(f"OOF AUROC {roc_auc_score(y_tr, oof):.3f}; threshold for sens>={cfg['target_sensitivity']}: {thr:.3f}")

pipe.fit(X_tr, y_tr)
p_te = pipe.predict_proba(X_te)[:, 1]
tn, fp, fn, tp = confusion_matrix(y_te, (p_te >= thr).astype(int)).ravel()
print(json.dumps({
    "test_auroc": round(roc_auc_score(y_te, p_te), 4),
    "test_sensitivity": round(tp / (tp + fn), 4),
    "test_specificity": round(tn / (tn + fp), 4),
    "test_ppv": round(tp / max(tp + fp, 1), 4),
    "threshold": round(thr, 4),
}, indent=2))
