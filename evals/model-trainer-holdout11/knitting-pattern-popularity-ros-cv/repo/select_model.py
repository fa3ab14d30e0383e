# Which new knitting patterns will reach the top 5% of favourites within 90 days?
import itertools
import logging

import numpy as np
import pandas as pd
from imblearn.over_sampling import RandomOverSampler
from lightgbm import LGBMClassifier
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split

logging.basicConfig(level=logging.INFO)
SEED = 31

patterns = pd.read_csv("data/patterns_launch_features.csv")
cols = ["difficulty", "yarn_weight_code", "designer_followers_log", "n_photos", "price_usd", "is_free",
        "n_sizes", "has_video", "category_code", "needle_mm", "yardage", "launch_weekday"]
X, y = patterns[cols], patterns["top5pct_90d"]
logging.info("positives: %d of %d", y.sum(), len(y))

X_dev, X_hold, y_dev, y_hold = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)

X_os, y_os = RandomOverSampler(random_state=SEED).fit_resample(X_dev, y_dev)
skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
grid = {"num_leaves": [15, 31, 63], "min_child_samples": [10, 40], "learning_rate": [0.03, 0.1]}
results = []
for leaves, mcs, lr in itertools.product(*grid.values()):
    clf = LGBMClassifier(n_estimators=400, num_leaves=leaves, min_child_samples=mcs, learning_rate=lr,
                         subsample=0.8, subsample_freq=1, random_state=SEED, verbose=-1)
    ap = cross_val_score(clf, X_os, y_os, cv=skf, scoring="average_precision").mean()
    results.append(((leaves, mcs, lr), ap))
    logging.info("leaves=%d mcs=%d lr=%.2f  cv AP=%.4f", leaves, mcs, lr, ap)

(leaves, mcs, lr), best_ap = max(results, key=lambda r: r[1])
final = LGBMClassifier(n_estimators=400, num_leaves=leaves, min_child_samples=mcs, learning_rate=lr,
                       subsample=0.8, subsample_freq=1, random_state=SEED, verbose=-1).fit(X_os, y_os)

prior = DummyClassifier(strategy="stratified", random_state=SEED).fit(X_dev, y_dev)
proba = final.predict_proba(X_hold)[:, 1]
# model was trained on balanced classes, so 0.5 is the natural cut-off
print("holdout AP     ", average_precision_score(y_hold, proba))
print("holdout ROC AUC", roc_auc_score(y_hold, proba))
print("holdout F1@0.5 ", f1_score(y_hold, proba >= 0.5))
print("dummy AP       ", average_precision_score(y_hold, prior.predict_proba(X_hold)[:, 1]))
