import json

import pandas as pd
from sklearn.compose import make_column_transformer
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder

from prep import CATEGORICAL, SKEWED, add_flags, discretize

SEED = 20240611
LABEL = "late"

deliveries = pd.read_parquet("data/deliveries.parquet")
deliveries = deliveries.pipe(add_flags).pipe(discretize, n_bins=12)

train_part = deliveries.groupby(LABEL, group_keys=False).sample(frac=0.8, random_state=SEED)
holdout = deliveries.drop(train_part.index)

bin_columns = [f"{c}_bin" for c in SKEWED]
encode = make_column_transformer(
    (OneHotEncoder(handle_unknown="ignore"), CATEGORICAL + bin_columns),
    remainder="drop",
)
clf = make_pipeline(encode, LogisticRegression(C=0.5, max_iter=3000, random_state=SEED))
clf.fit(train_part, train_part[LABEL])

prior = DummyClassifier(strategy="prior").fit(train_part, train_part[LABEL])

report = {}
for name, estimator in {"logistic_bins": clf, "prior": prior}.items():
    proba = estimator.predict_proba(holdout)[:, 1]
    report[name] = {
        "roc_auc": roc_auc_score(holdout[LABEL], proba),
        "pr_auc": average_precision_score(holdout[LABEL], proba),
        "brier": brier_score_loss(holdout[LABEL], proba),
    }

print(json.dumps(report, indent=2))
with open("metrics.json", "w") as fh:
    json.dump(report, fh, indent=2)
