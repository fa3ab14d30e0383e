"""Auto-insurance claim fraud model.

Resampling lives inside an imblearn Pipeline, so it runs only when the pipeline is
fitted (on CV training folds, then on the training split) and never on scored rows.
"""
from pathlib import Path

import numpy as np
import pandas as pd
from imblearn.over_sampling import BorderlineSMOTE
from imblearn.pipeline import Pipeline
from imblearn.under_sampling import RandomUnderSampler
from lightgbm import LGBMClassifier
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict, cross_validate, train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 404
DATA = Path(__file__).parent / "data" / "claims.csv"
CATEGORICAL = ["policy_state", "incident_type", "collision_type", "incident_severity", "authorities_contacted"]
NUMERIC = ["months_as_customer", "policy_deductable", "umbrella_limit", "total_claim_amount",
           "number_of_vehicles_involved", "witnesses", "injury_claim", "vehicle_claim"]

claims = pd.read_csv(DATA)
is_fraud = (claims["fraud_reported"] == "Y").astype(int)  # ~2% of closed claims
train_claims, test_claims, train_fraud, test_fraud = train_test_split(
    claims[CATEGORICAL + NUMERIC], is_fraud, test_size=0.25, stratify=is_fraud, random_state=SEED
)

fraud_model = Pipeline([
    ("prep", ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
        ("num", StandardScaler(), NUMERIC),
    ])),
    ("under", RandomUnderSampler(sampling_strategy=0.1, random_state=SEED)),
    ("smote", BorderlineSMOTE(sampling_strategy=0.3, k_neighbors=5, random_state=SEED)),
    ("clf", LGBMClassifier(n_estimators=300, learning_rate=0.05, num_leaves=15, random_state=SEED, verbose=-1)),
])

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
cv_scores = cross_validate(fraud_model, train_claims, train_fraud, cv=cv, scoring=["roc_auc", "average_precision"])
print(f"CV ROC AUC {cv_scores['test_roc_auc'].mean():.3f}  CV PR AUC {cv_scores['test_average_precision'].mean():.3f}")

# decision threshold from out-of-fold predictions on the training split
oof = cross_val_predict(fraud_model, train_claims, train_fraud, cv=cv, method="predict_proba")[:, 1]
grid = np.linspace(0.05, 0.95, 91)
threshold = grid[np.argmax([f1_score(train_fraud, oof >= t) for t in grid])]

fraud_model.fit(train_claims, train_fraud)
prior = DummyClassifier(strategy="prior").fit(train_claims, train_fraud)
fraud_prob = fraud_model.predict_proba(test_claims)[:, 1]
flagged = fraud_prob >= threshold
print(f"threshold (chosen on OOF train predictions): {threshold:.2f}")
print(f"test ROC AUC {roc_auc_score(test_fraud, fraud_prob):.3f}  PR AUC {average_precision_score(test_fraud, fraud_prob):.3f}"
      f"  (prior PR AUC {average_precision_score(test_fraud, prior.predict_proba(test_claims)[:, 1]):.3f})")
print(f"test precision {precision_score(test_fraud, flagged):.3f}  recall {recall_score(test_fraud, flagged):.3f}"
      f"  F1 {f1_score(test_fraud, flagged):.3f}")
