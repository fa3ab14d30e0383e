"""Mobile-app churn: will an active user have zero sessions in the 45 days after the cutoff?

Every user contributes exactly one row. Features are computed from that user's
own events strictly before CUTOFF and the label from events in
[CUTOFF, CUTOFF + 45 days), so rows do not share information across the split.
"""
import argparse
import json
import logging

import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("churn")

CUTOFF = pd.Timestamp("2024-02-01")
LABEL_DAYS = 45
SEED = 61


def build_rows(events: pd.DataFrame, users: pd.DataFrame) -> pd.DataFrame:
    before = events[events["ts"] < CUTOFF]
    after = events[(events["ts"] >= CUTOFF) & (events["ts"] < CUTOFF + pd.Timedelta(days=LABEL_DAYS))]
    recent = before[before["ts"] >= CUTOFF - pd.Timedelta(days=28)]

    g = before.groupby("user_id")
    rows = pd.DataFrame({
        "sessions_total": g["session_id"].nunique(),
        "days_since_last": (CUTOFF - g["ts"].max()).dt.days,
        "days_since_first": (CUTOFF - g["ts"].min()).dt.days,
        "purchases": g["event"].apply(lambda e: (e == "purchase").sum()),
        "push_opt_out": g["event"].apply(lambda e: (e == "push_opt_out").any()).astype(int),
    })
    rows["sessions_28d"] = recent.groupby("user_id")["session_id"].nunique().reindex(rows.index).fillna(0)
    rows["active_days_28d"] = recent.groupby("user_id")["ts"].apply(lambda s: s.dt.date.nunique()).reindex(rows.index).fillna(0)
    rows["sessions_per_week"] = rows["sessions_total"] / (rows["days_since_first"] / 7 + 1)
    rows = rows[rows["days_since_last"] <= 30]  # population: users active in the last 30 days
    rows = rows.join(users.set_index("user_id")[["platform", "country", "acq_channel"]])
    rows["churned"] = (~rows.index.isin(after["user_id"].unique())).astype(int)
    return rows


def main(events_path, users_path, out):
    events = pd.read_parquet(events_path)
    users = pd.read_csv(users_path)
    data = build_rows(events, users)
    log.info("%d users, churn rate %.3f", len(data), data["churned"].mean())

    y = data.pop("churned")
    dev_X, test_X, dev_y, test_y = train_test_split(data, y, test_size=0.2, stratify=y, random_state=SEED)
    tr_X, val_X, tr_y, val_y = train_test_split(dev_X, dev_y, test_size=0.2, stratify=dev_y, random_state=SEED)

    cats = ["platform", "country", "acq_channel"]
    nums = [c for c in data.columns if c not in cats]
    prep = ColumnTransformer([
        ("num", StandardScaler(), nums),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=50), cats),
    ])
    gbm = Pipeline([
        ("prep", ColumnTransformer([("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=50,
                                                          sparse_output=False), cats)],
                                   remainder="passthrough")),
        ("clf", HistGradientBoostingClassifier(learning_rate=0.05, max_iter=500, max_leaf_nodes=31,
                                               l2_regularization=1.0, early_stopping=False, random_state=SEED)),
    ])
    logreg = Pipeline([("prep", prep), ("clf", LogisticRegression(C=0.5, max_iter=2000))])
    gbm.fit(tr_X, tr_y)
    logreg.fit(tr_X, tr_y)

    # operating point: best F1 on the validation users
    prec, rec, thr = precision_recall_curve(val_y, gbm.predict_proba(val_X)[:, 1])
    f1 = 2 * prec * rec / np.clip(prec + rec, 1e-9, None)
    threshold = float(thr[np.argmax(f1[:-1])])
    log.info("validation F1-optimal threshold %.3f", threshold)

    report = {}
    for name, model in (("hist_gbm", gbm), ("logistic_baseline", logreg)):
        p = model.predict_proba(test_X)[:, 1]
        report[name] = {"roc_auc": roc_auc_score(test_y, p), "pr_auc": average_precision_score(test_y, p)}
    recency_rule = test_X["days_since_last"].to_numpy()
    report["recency_rule"] = {"roc_auc": roc_auc_score(test_y, recency_rule),
                              "pr_auc": average_precision_score(test_y, recency_rule)}
    flagged = (gbm.predict_proba(test_X)[:, 1] >= threshold).astype(int)
    report["hist_gbm"].update(threshold=threshold, f1=f1_score(test_y, flagged),
                              precision=precision_score(test_y, flagged), recall=recall_score(test_y, flagged))
    print(json.dumps(report, indent=2))
    joblib.dump({"model": gbm, "threshold": threshold}, out)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", default="data/app_events.parquet")
    ap.add_argument("--users", default="data/users.csv")
    ap.add_argument("--out", default="churn_model.joblib")
    a = ap.parse_args()
    main(a.events, a.users, a.out)
