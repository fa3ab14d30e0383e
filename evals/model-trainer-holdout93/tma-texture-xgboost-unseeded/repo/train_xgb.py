"""Grade classification (low vs high) of prostate TMA cores from handcrafted texture features.

Features (GLCM, LBP histograms, nuclear morphology summaries) are produced per core by
extract_features.py; there is one core per patient in this cohort.
"""
import json

import numpy as np
import pandas as pd
import xgboost as xgb
from scipy.stats import loguniform, randint, uniform
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import RandomizedSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

FEATURES_CSV = "features/tma_cores_v3.csv"

df = pd.read_csv(FEATURES_CSV)
feature_cols = [c for c in df.columns if c.startswith(("glcm_", "lbp_", "nuc_", "hema_"))]
X = df[feature_cols].to_numpy(dtype=np.float32)
y = (df["gleason_grade_group"] >= 3).astype(int).to_numpy()
print(f"{len(df)} cores, {len(feature_cols)} features, high-grade rate {y.mean():.2f}")

X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, stratify=y)
X_train, X_val, y_train, y_val = train_test_split(X_dev, y_dev, test_size=0.2, stratify=y_dev)

param_dist = {
    "max_depth": randint(2, 7),
    "learning_rate": loguniform(0.01, 0.3),
    "min_child_weight": randint(1, 10),
    "subsample": uniform(0.6, 0.4),
    "colsample_bytree": uniform(0.4, 0.6),
    "reg_lambda": loguniform(0.1, 10),
}
search = RandomizedSearchCV(
    xgb.XGBClassifier(n_estimators=300, tree_method="hist", eval_metric="auc"),
    param_distributions=param_dist,
    n_iter=40,
    scoring="roc_auc",
    cv=StratifiedKFold(n_splits=5, shuffle=True),
    n_jobs=-1,
)
search.fit(X_train, y_train)
print("best CV AUROC:", round(search.best_score_, 4), search.best_params_)

model = xgb.XGBClassifier(
    **search.best_params_, n_estimators=2000, tree_method="hist",
    eval_metric="auc", early_stopping_rounds=100,
)
model.fit(X_train, y_train, eval_set=[(X_val, y_val)], verbose=False)
print("best iteration:", model.best_iteration)

val_prob = model.predict_proba(X_val)[:, 1]
grid = np.linspace(0.1, 0.9, 81)
threshold = float(grid[np.argmax([f1_score(y_val, val_prob >= t) for t in grid])])

baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, C=0.1))
baseline.fit(X_train, y_train)

results = {}
for name, prob in [("xgboost", model.predict_proba(X_test)[:, 1]), ("logreg", baseline.predict_proba(X_test)[:, 1])]:
    results[name] = {
        "auroc": roc_auc_score(y_test, prob),
        "auprc": average_precision_score(y_test, prob),
        "f1@val_threshold": f1_score(y_test, prob >= threshold),
    }
print(json.dumps(results, indent=2))
model.save_model("models/tma_grade_xgb.json")
