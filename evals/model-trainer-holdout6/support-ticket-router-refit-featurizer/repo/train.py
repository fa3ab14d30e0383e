import argparse
import json
from pathlib import Path

import joblib
import numpy as np
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, StratifiedKFold

from ticket_router.data import load_tickets, split_tickets
from ticket_router.text import TicketFeaturizer

SEED = 11


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tickets", default="data/zendesk_export_2024q1.jsonl")
    ap.add_argument("--workdir", default="runs/latest")
    args = ap.parse_args()
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    np.random.seed(SEED)

    tickets = load_tickets(args.tickets)
    train_df, test_df = split_tickets(tickets, seed=SEED)
    test_df.to_parquet(work / "test_tickets.parquet")

    featurizer = TicketFeaturizer()
    X_train = featurizer.fit_transform(train_df["text"].tolist())

    search = GridSearchCV(
        LogisticRegression(max_iter=2000, class_weight="balanced"),
        {"C": [0.5, 1, 2, 4, 8]},
        scoring="f1_macro",
        cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED),
        n_jobs=-1,
    )
    search.fit(X_train, train_df["queue"])
    prior = DummyClassifier(strategy="prior").fit(X_train, train_df["queue"])

    joblib.dump({"featurizer": featurizer, "clf": search.best_estimator_, "baseline": prior}, work / "router.joblib")
    (work / "cv.json").write_text(json.dumps({"best_C": search.best_params_["C"],
                                              "cv_f1_macro": search.best_score_}, indent=2))


if __name__ == "__main__":
    main()
