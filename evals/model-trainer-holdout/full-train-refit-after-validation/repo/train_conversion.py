"""Lead conversion model: tune on a validation split, refit on train+validation, score the test split once."""
import itertools
import json

import numpy as np
import pandas as pd
from lightgbm import LGBMClassifier
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, brier_score_loss, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 4242
TARGET = "converted"
NUM = ["pages_viewed", "session_minutes", "emails_opened", "company_size_log", "days_since_signup"]
CAT = ["lead_source", "industry", "country_tier"]
GRID = {"num_leaves": [15, 31, 63], "learning_rate": [0.03, 0.1], "min_child_samples": [20, 80]}


def build_preprocessor():
    return ColumnTransformer([
        ("num", StandardScaler(), NUM),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=30, sparse_output=False), CAT),
    ])


def build_model(n_estimators=400, **params):
    return LGBMClassifier(n_estimators=n_estimators, subsample=0.8, subsample_freq=1,
                          colsample_bytree=0.8, random_state=SEED, verbose=-1, **params)


leads = pd.read_csv("data/leads.csv")
dev, test = train_test_split(leads, test_size=0.2, stratify=leads[TARGET], random_state=SEED)
train, valid = train_test_split(dev, test_size=0.25, stratify=dev[TARGET], random_state=SEED)

# --- tuning: everything is fitted on `train`, compared on `valid`
prep = build_preprocessor().fit(train)
train_x, valid_x = prep.transform(train), prep.transform(valid)
results = []
for values in itertools.product(*GRID.values()):
    params = dict(zip(GRID, values))
    model = build_model(**params).fit(train_x, train[TARGET])
    results.append((average_precision_score(valid[TARGET], model.predict_proba(valid_x)[:, 1]), params))
best_ap, best_params = max(results, key=lambda r: r[0])
print("validation AP", round(best_ap, 4), best_params)

# decision threshold: the F1-optimal cut-off on validation predictions of the tuned configuration
tuned = build_model(**best_params).fit(train_x, train[TARGET])
prec, rec, cuts = precision_recall_curve(valid[TARGET], tuned.predict_proba(valid_x)[:, 1])
f1s = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-12, None)
threshold = float(cuts[np.argmax(f1s)])

# --- final fit on the full training data (train + valid); the test split is untouched until here
full_train = pd.concat([train, valid])
full_prep = build_preprocessor().fit(full_train)
final = build_model(**best_params).fit(full_prep.transform(full_train), full_train[TARGET])
prior = DummyClassifier(strategy="prior").fit(full_train[NUM], full_train[TARGET])

test_x = full_prep.transform(test)
scores = final.predict_proba(test_x)[:, 1]
report = {
    "params": best_params,
    "threshold_from_validation": threshold,
    "test_roc_auc": roc_auc_score(test[TARGET], scores),
    "test_pr_auc": average_precision_score(test[TARGET], scores),
    "test_brier": brier_score_loss(test[TARGET], scores),
    "test_f1_at_threshold": f1_score(test[TARGET], scores >= threshold),
    "prior_pr_auc": average_precision_score(test[TARGET], prior.predict_proba(test[NUM])[:, 1]),
}
print(json.dumps(report, indent=2))
