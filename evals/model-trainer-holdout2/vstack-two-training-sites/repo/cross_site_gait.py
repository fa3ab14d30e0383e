"""Parkinson's gait classifier: train on two clinics, test on a third clinic never seen in training.

Each .npz holds `features` (n_subjects x 42 gait statistics) and `diagnosis` (0/1), one row per subject.
"""
from pathlib import Path

import numpy as np
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import LeaveOneGroupOut, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

DATA = Path("data/gait")


def load(site: str) -> tuple[np.ndarray, np.ndarray]:
    bundle = np.load(DATA / f"{site}.npz")
    return bundle["features"], bundle["diagnosis"]


clinic_a_x, clinic_a_y = load("clinic_a")
clinic_b_x, clinic_b_y = load("clinic_b")
clinic_c_x, clinic_c_y = load("clinic_c")   # external test site

# training data = both training clinics stacked; clinic C is only used at the very end
train_x = np.vstack([clinic_a_x, clinic_b_x])
train_y = np.concatenate([clinic_a_y, clinic_b_y])
site = np.array(["a"] * len(clinic_a_y) + ["b"] * len(clinic_b_y))

# transfer check between the two training clinics (train on one, score the other)
transfer = cross_validate(
    make_pipeline(StandardScaler(), LogisticRegression(C=0.1, max_iter=5000)),
    train_x, train_y, groups=site, cv=LeaveOneGroupOut(), scoring=["roc_auc", "neg_brier_score"],
)
print("leave-one-clinic-out ROC AUC:", np.round(transfer["test_roc_auc"], 3))

scaler = StandardScaler().fit(np.vstack([clinic_a_x, clinic_b_x]))
model = LogisticRegression(C=0.1, max_iter=5000).fit(scaler.transform(train_x), train_y)
prior = DummyClassifier(strategy="prior").fit(train_x, train_y)

test_scaled = scaler.transform(clinic_c_x)
for name, prob in [("prior", prior.predict_proba(clinic_c_x)[:, 1]), ("logistic", model.predict_proba(test_scaled)[:, 1])]:
    print(f"clinic C  {name:<9} ROC AUC {roc_auc_score(clinic_c_y, prob):.3f}  "
          f"PR AUC {average_precision_score(clinic_c_y, prob):.3f}  Brier {brier_score_loss(clinic_c_y, prob):.3f}")
