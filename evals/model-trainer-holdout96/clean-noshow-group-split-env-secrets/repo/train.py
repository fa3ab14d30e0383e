"""Train the appointment no-show model with patient-grouped evaluation."""
import os

import mlflow
import mlflow.sklearn
import numpy as np
import pandas as pd
import tomli
from dotenv import load_dotenv
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler

from noshow.data import CATEGORICAL, NUMERIC, load_appointments

load_dotenv()
with open("config.toml", "rb") as fh:
    cfg = tomli.load(fh)
SEED = cfg["seed"]
np.random.seed(SEED)

mlflow.set_tracking_uri(os.environ["MLFLOW_TRACKING_URI"])
mlflow.set_experiment(cfg["mlflow"]["experiment"])

df = load_appointments(cfg["data"]["table"])
X = df[NUMERIC + CATEGORICAL]
y = df[cfg["data"]["target"]].astype(int)
groups = df[cfg["data"]["group"]]

outer = StratifiedGroupKFold(n_splits=cfg["n_folds"], shuffle=True, random_state=SEED)
dev_idx, test_idx = next(outer.split(X, y, groups))
X_dev, X_test, y_dev, y_test = X.iloc[dev_idx], X.iloc[test_idx], y.iloc[dev_idx], y.iloc[test_idx]
g_dev = groups.iloc[dev_idx]
assert set(g_dev).isdisjoint(set(groups.iloc[test_idx]))

hgb = make_pipeline(
    ColumnTransformer([
        ("num", "passthrough", NUMERIC),
        ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), CATEGORICAL),
    ]),
    HistGradientBoostingClassifier(
        **cfg["model"], categorical_features=list(range(len(NUMERIC), len(NUMERIC) + len(CATEGORICAL))),
        random_state=SEED,
    ),
)
logreg = make_pipeline(
    ColumnTransformer([
        ("num", make_pipeline(StandardScaler()), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=50), CATEGORICAL),
    ]),
    LogisticRegression(max_iter=2000),
)

inner = StratifiedGroupKFold(n_splits=cfg["n_folds"], shuffle=True, random_state=SEED)
scoring = ["roc_auc", "average_precision", "neg_brier_score"]
with mlflow.start_run(run_name="noshow-hgb"):
    mlflow.log_params({**cfg["model"], "seed": SEED})
    for name, est in (("hgb", hgb), ("logreg_baseline", logreg)):
        cv = cross_validate(est, X_dev, y_dev, groups=g_dev, cv=inner, scoring=scoring)
        mlflow.log_metrics({f"cv_{name}_{k[5:]}": float(np.mean(v)) for k, v in cv.items() if k.startswith("test_")})

        est.fit(X_dev, y_dev)
        p = est.predict_proba(X_test)[:, 1]
        test_metrics = {
            f"test_{name}_roc_auc": roc_auc_score(y_test, p),
            f"test_{name}_pr_auc": average_precision_score(y_test, p),
            f"test_{name}_brier": brier_score_loss(y_test, p),
        }
        mlflow.log_metrics(test_metrics)
        print(pd.Series(test_metrics).round(4))

    mlflow.sklearn.log_model(hgb, artifact_path="model")
