"""Monthly subscriber churn model.

Label: the subscriber cancels within the next 30 days. Churners are rare: about 4% of the
subscriber-months in the snapshot table.
"""
import logging
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
log = logging.getLogger("churn")


@dataclass
class Settings:
    table: str = "data/subscriber_snapshots.parquet"
    seed: int = 31
    test_size: float = 0.2


NUMERIC = ["tenure_months", "monthly_fee", "support_calls_90d", "logins_30d", "late_payments_12m",
           "discount_pct", "devices"]
CATEGORICAL = ["plan", "region", "payment_method", "acquisition_channel"]


def preprocessor():
    return ColumnTransformer([
        ("num", StandardScaler(), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CATEGORICAL),
    ])


def main(cfg: Settings):
    df = pd.read_parquet(cfg.table)
    y = df["churned_next_30d"].astype(int)
    X = df[NUMERIC + CATEGORICAL]
    log.info("rows=%d churn rate=%.3f", len(df), y.mean())

    X_tr, X_te, y_tr, y_te = train_test_split(
        X, y, test_size=cfg.test_size, stratify=y, random_state=cfg.seed)

    candidates = {
        "majority": make_pipeline(preprocessor(), DummyClassifier(strategy="most_frequent")),
        "logreg": make_pipeline(preprocessor(), LogisticRegression(C=0.5, max_iter=2000)),
        "forest": make_pipeline(preprocessor(), RandomForestClassifier(
            n_estimators=400, min_samples_leaf=5, n_jobs=-1, random_state=cfg.seed)),
        "gbm": make_pipeline(preprocessor(), GradientBoostingClassifier(
            n_estimators=300, learning_rate=0.05, max_depth=3, random_state=cfg.seed)),
    }

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=cfg.seed)
    cv_scores = {}
    for name, pipe in candidates.items():
        scores = cross_val_score(pipe, X_tr, y_tr, cv=cv, scoring="accuracy", n_jobs=-1)
        cv_scores[name] = scores.mean()
        log.info("%-8s cv accuracy %.4f +/- %.4f", name, scores.mean(), scores.std())

    best = max((n for n in cv_scores if n != "majority"), key=cv_scores.get)
    final = candidates[best].fit(X_tr, y_tr)
    test_acc = accuracy_score(y_te, final.predict(X_te))
    base_acc = accuracy_score(y_te, candidates["majority"].fit(X_tr, y_tr).predict(X_te))
    log.info("selected %s: test accuracy %.4f (majority baseline %.4f)", best, test_acc, base_acc)
    return final


if __name__ == "__main__":
    np.random.seed(Settings.seed)
    main(Settings())
