#!/usr/bin/env python
"""Which opera tickets come back to the box office?

The resale desk wants a daily list of bookings likely to be returned (~5% of bookings) so those seats can be
put on the waitlist early. Features come from the ticketing export joined with the season calendar.
"""
import argparse
import logging

import numpy as np
import pandas as pd
from imblearn.over_sampling import BorderlineSMOTE
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.metrics import average_precision_score, classification_report, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
log = logging.getLogger("returns")

SEED = 1791  # Die Zauberflöte premiere year


def load(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["booked_at", "performance_at"])
    df["lead_days"] = (df["performance_at"] - df["booked_at"]).dt.days
    df["is_weekend_show"] = (df["performance_at"].dt.dayofweek >= 4).astype(int)
    df["price_per_seat"] = df["order_total"] / df["n_seats"]
    return df


def main(args):
    df = load(args.data)
    log.info("bookings=%d  return rate=%.3f", len(df), df["returned"].mean())

    num = ["lead_days", "price_per_seat", "n_seats", "prior_orders", "prior_returns",
           "is_weekend_show", "subscriber", "run_week"]
    cat = ["section", "production", "channel"]
    X = pd.get_dummies(df[num + cat], columns=cat, dtype=float).fillna(0.0)
    y = df["returned"].to_numpy()

    # returns are rare -> rebalance before modelling
    sampler = BorderlineSMOTE(k_neighbors=5, random_state=SEED)
    X_bal, y_bal = sampler.fit_resample(X, y)
    log.info("after resampling: %s", np.bincount(y_bal))

    X_fit, X_hold, y_fit, y_hold = train_test_split(
        X_bal, y_bal, test_size=0.25, stratify=y_bal, random_state=SEED
    )

    dummy = DummyClassifier(strategy="stratified", random_state=SEED).fit(X_fit, y_fit)
    clf = ExtraTreesClassifier(n_estimators=500, min_samples_leaf=3, n_jobs=-1, random_state=SEED)
    clf.fit(X_fit, y_fit)

    proba = clf.predict_proba(X_hold)[:, 1]
    pred = clf.predict(X_hold)
    log.info("dummy F1     %.3f", f1_score(y_hold, dummy.predict(X_hold)))
    log.info("ET    F1     %.3f", f1_score(y_hold, pred))
    log.info("ET    ROC AUC %.3f  PR AUC %.3f", roc_auc_score(y_hold, proba),
             average_precision_score(y_hold, proba))
    print(classification_report(y_hold, pred, digits=3))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    main(p.parse_args())
