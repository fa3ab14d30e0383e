"""Loan default scoring: small HGB grid, calibrated probabilities, cost-based cut-off.

Splits: 60% train / 20% tune (model choice + cut-off) / 20% final (reported once).
"""
import itertools
import json

import numpy as np
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

CONF = json.load(open("config.json"))
SEED = CONF["seed"]
COST_FN, COST_FP = CONF["cost_missed_default"], CONF["cost_rejected_good"]

loans = pd.read_csv(CONF["data_path"])
y = loans.pop("default").to_numpy()
X = pd.get_dummies(loans, columns=["purpose", "home_ownership", "grade"], dtype=float)
print(f"default rate {y.mean():.3f}")

X_train, X_other, y_train, y_other = train_test_split(X, y, test_size=0.4, stratify=y, random_state=SEED)
X_tune, X_final, y_tune, y_final = train_test_split(X_other, y_other, test_size=0.5, stratify=y_other,
                                                    random_state=SEED)

grid = {"learning_rate": [0.03, 0.1], "max_leaf_nodes": [15, 31], "l2_regularization": [0.0, 1.0]}
best = {"auc": -np.inf}
for lr_, leaves, l2 in itertools.product(*grid.values()):
    hgb = HistGradientBoostingClassifier(learning_rate=lr_, max_leaf_nodes=leaves, l2_regularization=l2,
                                         max_iter=500, early_stopping=True, validation_fraction=0.15,
                                         random_state=SEED)
    model = CalibratedClassifierCV(hgb, method="isotonic",
                                   cv=StratifiedKFold(5, shuffle=True, random_state=SEED))
    model.fit(X_train, y_train)
    auc = roc_auc_score(y_tune, model.predict_proba(X_tune)[:, 1])
    print(f"lr={lr_} leaves={leaves} l2={l2}: tune AUC {auc:.4f}")
    if auc > best["auc"]:
        best = {"auc": auc, "model": model, "params": (lr_, leaves, l2)}

chosen = best["model"]
p_tune = chosen.predict_proba(X_tune)[:, 1]
cutoffs = np.linspace(0.02, 0.8, 79)
costs = [COST_FN * np.sum((p_tune < c) & (y_tune == 1)) + COST_FP * np.sum((p_tune >= c) & (y_tune == 0))
         for c in cutoffs]
cutoff = cutoffs[int(np.argmin(costs))]
print("chosen", best["params"], "cut-off", round(cutoff, 3))

# ---- final numbers, computed once on the untouched split -------------------------------
baselines = {
    "prior": DummyClassifier(strategy="prior").fit(X_train, y_train),
    "logreg": make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)).fit(X_train, y_train),
}
for name, m in {**baselines, "hgb_calibrated": chosen}.items():
    p = m.predict_proba(X_final)[:, 1]
    print(f"{name:15s} AUC {roc_auc_score(y_final, p):.4f}  Brier {brier_score_loss(y_final, p):.4f}")
p_final = chosen.predict_proba(X_final)[:, 1]
flag = p_final >= cutoff
print(f"at cut-off {cutoff:.3f}: precision {precision_score(y_final, flag):.3f} recall {recall_score(y_final, flag):.3f}")
