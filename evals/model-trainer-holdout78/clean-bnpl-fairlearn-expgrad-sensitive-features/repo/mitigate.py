"""BNPL approval model: unmitigated logistic regression vs. fairlearn ExponentiatedGradient.

The sensitive feature is passed to the mitigator during training (required by the reductions approach)
but is not a model input, so it is not needed at scoring time.
"""
import argparse

import numpy as np
import pandas as pd
from fairlearn.metrics import (MetricFrame, demographic_parity_ratio, equalized_odds_difference,
                               selection_rate, true_positive_rate)
from fairlearn.reductions import EqualizedOdds, ExponentiatedGradient
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, f1_score, precision_score, recall_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

parser = argparse.ArgumentParser()
parser.add_argument("--data", default="data/bnpl_applications.csv")
parser.add_argument("--seed", type=int, default=21)
parser.add_argument("--eps", type=float, default=0.02)
args = parser.parse_args()

NUM = ["basket_value", "account_age_days", "prior_bnpl_loans", "prior_late_payments", "card_on_file_age_days",
       "bureau_thin_file", "monthly_income_est"]
CAT = ["merchant_category", "device_type"]
df = pd.read_csv(args.data)
df["repaid"] = (df["outcome"] == "repaid_on_time").astype(int)
sensitive = df["age_group"]

strata = df["repaid"].astype(str) + "_" + sensitive.astype(str)
train, test = train_test_split(df, test_size=0.25, stratify=strata, random_state=args.seed)
train, val = train_test_split(train, test_size=0.2, stratify=strata.loc[train.index], random_state=args.seed)
print(pd.concat([train.assign(split="train"), val.assign(split="val"), test.assign(split="test")])
      .groupby(["split", "age_group"]).size().unstack())

pre = ColumnTransformer([("num", StandardScaler(), NUM), ("cat", OneHotEncoder(handle_unknown="ignore"), CAT)])
pre.fit(train[NUM + CAT])
X_tr, X_val, X_te = (pre.transform(f[NUM + CAT]) for f in (train, val, test))
y_tr, y_val, y_te = train["repaid"], val["repaid"], test["repaid"]

best_C, best_bacc = None, -1.0
for C in [0.01, 0.1, 1.0, 10.0]:
    lr = LogisticRegression(C=C, max_iter=3000).fit(X_tr, y_tr)
    bacc = balanced_accuracy_score(y_val, lr.predict(X_val))
    if bacc > best_bacc:
        best_C, best_bacc = C, bacc
print(f"C={best_C} chosen on validation (balanced acc {best_bacc:.4f})")

unmitigated = LogisticRegression(C=best_C, max_iter=3000).fit(X_tr, y_tr)
mitigator = ExponentiatedGradient(LogisticRegression(C=best_C, max_iter=3000),
                                  constraints=EqualizedOdds(difference_bound=args.eps))
mitigator.fit(X_tr, y_tr, sensitive_features=train["age_group"])
prior = DummyClassifier(strategy="most_frequent").fit(X_tr, y_tr)

metrics = {"selection_rate": selection_rate, "tpr": true_positive_rate, "precision": precision_score,
           "recall": recall_score, "f1": f1_score, "balanced_acc": balanced_accuracy_score}
rows = {}
for name, model in [("prior", prior), ("unmitigated", unmitigated), ("expgrad_eo", mitigator)]:
    if isinstance(model, ExponentiatedGradient):
        pred = np.asarray(model.predict(X_te, random_state=args.seed))
    else:
        pred = np.asarray(model.predict(X_te))
    mf = MetricFrame(metrics=metrics, y_true=y_te, y_pred=pred, sensitive_features=test["age_group"])
    print(f"\n== {name} ==\n{mf.by_group.round(3)}")
    rows[name] = {
        **mf.overall.round(4).to_dict(),
        "dp_ratio": demographic_parity_ratio(y_te, pred, sensitive_features=test["age_group"]),
        "eo_difference": equalized_odds_difference(y_te, pred, sensitive_features=test["age_group"]),
    }
print(pd.DataFrame(rows).T.round(4))
