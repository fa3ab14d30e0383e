"""Which Google Ads form conversions (gclid) turn into sales-qualified leads?

The score is uploaded as an offline conversion value. Sales can call about the
top 60% of true SQLs, so the cut-off is set for RECALL_TARGET on validation.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 4242
RECALL_TARGET = 0.6
FREE_MAIL = r"@(gmail|yahoo|hotmail|outlook|icloud)\."
CAT_COLS = ["campaign", "ad_group", "keyword_match_type", "device", "country", "form_name"]
NUM_COLS = ["log_cost_per_click", "click_to_form_minutes", "free_email", "message_len", "employees_log", "ad_position"]


def add_row_features(df):
    """Per-row transforms only; nothing here looks at other rows."""
    df = df.copy()
    df["log_cost_per_click"] = np.log1p(df["cpc"].clip(lower=0))
    df["click_to_form_minutes"] = ((df["form_ts"] - df["click_ts"]).dt.total_seconds() / 60).clip(0, 7 * 24 * 60)
    df["free_email"] = df["email"].str.contains(FREE_MAIL, regex=True, na=False).astype(int)
    df["message_len"] = df["message"].fillna("").str.len().clip(upper=2000)
    df["employees_log"] = np.log1p(df["employees"].fillna(0))
    df[CAT_COLS] = df[CAT_COLS].fillna("missing").astype(str)
    return df


def threshold_for_recall(y_true, proba, target):
    candidates = np.sort(np.unique(proba))[::-1]
    for t in candidates:
        if recall_score(y_true, proba >= t) >= target:
            return float(t)
    return float(candidates[-1])


def main():
    leads = pd.read_csv("data/gclid_form_leads.csv", parse_dates=["click_ts", "form_ts"])
    leads = add_row_features(leads)
    X, y = leads[CAT_COLS + NUM_COLS], leads["is_sql"]

    X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    X_train, X_val, y_train, y_val = train_test_split(X_dev, y_dev, test_size=0.2, stratify=y_dev, random_state=SEED)

    model = CatBoostClassifier(
        iterations=2000, learning_rate=0.05, depth=6, eval_metric="PRAUC",
        random_seed=SEED, early_stopping_rounds=100, verbose=200,
    )
    model.fit(X_train, y_train, cat_features=CAT_COLS, eval_set=(X_val, y_val), use_best_model=True)

    logreg = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(X_train[NUM_COLS], y_train)
    prior = DummyClassifier(strategy="prior").fit(X_train, y_train)

    scorers = {
        "prior": lambda d: prior.predict_proba(d)[:, 1],
        "logreg_numeric": lambda d: logreg.predict_proba(d[NUM_COLS])[:, 1],
        "catboost": lambda d: model.predict_proba(d)[:, 1],
    }
    results = {}
    for name, score in scorers.items():
        t = threshold_for_recall(y_val, score(X_val), RECALL_TARGET)
        p = score(X_test)
        results[name] = {
            "roc_auc": roc_auc_score(y_test, p),
            "pr_auc": average_precision_score(y_test, p),
            "threshold_from_val": t,
            "precision": precision_score(y_test, p >= t, zero_division=0),
            "recall": recall_score(y_test, p >= t),
        }
    print(pd.DataFrame(results).T.round(4))

    out = Path("artifacts")
    out.mkdir(exist_ok=True)
    model.save_model(str(out / "sql_catboost.cbm"))
    (out / "sql_metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
