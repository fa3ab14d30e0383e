"""Auto-routing: only route a ticket automatically when the calibrated confidence is high enough.

Split: 70% train (LinearSVC), 15% calibration/threshold (validation), 15% test.
Target: >= 95% precision on auto-routed tickets, as much coverage as possible.
"""
import argparse

import joblib
import numpy as np
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split
from sklearn.svm import LinearSVC

ap = argparse.ArgumentParser()
ap.add_argument("--data", default="data/tickets_routed.csv")
ap.add_argument("--target-precision", type=float, default=0.95)
ap.add_argument("--seed", type=int, default=4)
args = ap.parse_args()

df = pd.read_csv(args.data).dropna(subset=["team", "description"])
df["text"] = df["title"].fillna("") + " " + df["description"]

train_df, rest = train_test_split(df, test_size=0.3, stratify=df["team"], random_state=args.seed)
val_df, test_df = train_test_split(rest, test_size=0.5, stratify=rest["team"], random_state=args.seed)

vec = TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True)
X_train = vec.fit_transform(train_df["text"])
X_val = vec.transform(val_df["text"])
X_test = vec.transform(test_df["text"])

svm = LinearSVC(C=0.5, class_weight="balanced", random_state=args.seed)
svm.fit(X_train, train_df["team"])

calibrated = CalibratedClassifierCV(svm, cv="prefit", method="sigmoid")
calibrated.fit(X_val, val_df["team"])


def routed_precision(probs, y_true, classes, thr):
    conf = probs.max(axis=1)
    pred = classes[probs.argmax(axis=1)]
    mask = conf >= thr
    if mask.sum() == 0:
        return 1.0, 0.0
    return float(np.mean(pred[mask] == np.asarray(y_true)[mask])), float(mask.mean())


val_probs = calibrated.predict_proba(X_val)
threshold = 1.0
for thr in np.arange(0.30, 0.99, 0.01):
    prec, cov = routed_precision(val_probs, val_df["team"], calibrated.classes_, thr)
    if prec >= args.target_precision:
        threshold = float(thr)
        break
print(f"threshold {threshold:.2f} chosen on validation")

test_probs = calibrated.predict_proba(X_test)
prec, cov = routed_precision(test_probs, test_df["team"], calibrated.classes_, threshold)
test_pred = calibrated.classes_[test_probs.argmax(axis=1)]
print(f"test: auto-routed {cov:.1%} of tickets at precision {prec:.3f}")
print(f"test macro-F1 (all tickets): {f1_score(test_df['team'], test_pred, average='macro'):.4f}")

joblib.dump({"vectorizer": vec, "model": calibrated, "threshold": threshold}, "models/auto_router.joblib")
