"""Fit consumer-loan PD models and score them on the holdout file."""
import json
import os

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier

from credit.evaluation import summarize
from credit.preprocess import CreditPreprocessor

with open("settings.json") as fh:
    cfg = json.load(fh)

np.random.seed(cfg["seed"])
train_df = pd.read_csv(cfg["train_file"])
holdout_df = pd.read_csv(cfg["holdout_file"])
target = cfg["target"]
print(f"train {len(train_df):,} rows (bad rate {train_df[target].mean():.2%}), holdout {len(holdout_df):,} rows")

prep = CreditPreprocessor(cfg["numeric"], clip_quantile=cfg["clip_quantile"])
prep.fit([train_df, holdout_df])

X_train, y_train = prep.transform(train_df), train_df[target].values
X_hold, y_hold = prep.transform(holdout_df), holdout_df[target].values

models = {
    "prior": DummyClassifier(strategy="prior"),
    "logreg": LogisticRegression(C=0.3, max_iter=2000),
    "hgb": HistGradientBoostingClassifier(
        learning_rate=0.05, max_iter=400, max_leaf_nodes=31, l2_regularization=1.0,
        early_stopping=True, validation_fraction=0.15, random_state=cfg["seed"],
    ),
    "mlp": MLPClassifier(
        hidden_layer_sizes=(64, 32), alpha=1e-3, early_stopping=True,
        validation_fraction=0.15, max_iter=300, random_state=cfg["seed"],
    ),
}

results = []
for name, model in models.items():
    model.fit(X_train, y_train)
    results.append(summarize(name, y_hold, model.predict_proba(X_hold)[:, 1]))

os.makedirs(cfg["model_dir"], exist_ok=True)
pd.DataFrame(results).to_csv(os.path.join(cfg["model_dir"], "holdout_metrics.csv"), index=False)
joblib.dump({"preprocessor": prep, "models": models}, os.path.join(cfg["model_dir"], "bundle.joblib"))
