"""Severe-bleaching classifier for reef survey sites (one row per site, 2016 global event surveys)."""
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (average_precision_score, balanced_accuracy_score, f1_score,
                             precision_recall_curve, roc_auc_score)
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_predict, train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 404
NUM = ["dhw_max", "sst_anomaly_max", "depth_m", "turbidity_kd490", "cyclone_freq", "coral_cover_prev",
       "distance_to_shore_km", "windspeed_mean"]
CAT = ["ecoregion", "reef_zone", "exposure"]

sites = pd.read_csv("data/reef_sites_2016.csv").dropna(subset=NUM + ["severe"])
print("severe share:", sites["severe"].mean().round(3))

X_dev, X_test, y_dev, y_test = train_test_split(
    sites[NUM + CAT], sites["severe"], test_size=0.2, stratify=sites["severe"], random_state=SEED
)

pipe = Pipeline([
    ("prep", ColumnTransformer([("num", StandardScaler(), NUM),
                                ("cat", OneHotEncoder(handle_unknown="ignore", drop="if_binary"), CAT)],
                               sparse_threshold=0)),
    ("smote", SMOTE(random_state=SEED)),
    ("clf", LogisticRegression(max_iter=5000)),
])
grid = {"smote__k_neighbors": [3, 5, 9], "smote__sampling_strategy": [0.3, 0.6, 1.0], "clf__C": [0.03, 0.3, 3]}
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
search = GridSearchCV(pipe, grid, scoring="average_precision", cv=cv, n_jobs=-1).fit(X_dev, y_dev)
print("CV AP:", round(search.best_score_, 3), search.best_params_)

oof = cross_val_predict(search.best_estimator_, X_dev, y_dev, cv=cv, method="predict_proba")[:, 1]
p, r, t = precision_recall_curve(y_dev, oof)
threshold = t[np.nanargmax(2 * p[:-1] * r[:-1] / (p[:-1] + r[:-1] + 1e-12))]

model = search.best_estimator_
prob = model.predict_proba(X_test)[:, 1]
prior = DummyClassifier(strategy="stratified", random_state=SEED).fit(X_dev, y_dev).predict_proba(X_test)[:, 1]
print(f"test ROC-AUC  {roc_auc_score(y_test, prob):.3f}")
print(f"test PR-AUC   {average_precision_score(y_test, prob):.3f} (chance {average_precision_score(y_test, prior):.3f})")
print(f"test F1       {f1_score(y_test, prob >= threshold):.3f} @ {threshold:.2f}")
print(f"test bal.acc  {balanced_accuracy_score(y_test, prob >= threshold):.3f}")
