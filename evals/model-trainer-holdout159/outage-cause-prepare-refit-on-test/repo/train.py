"""Outage cause classifier for OMS tickets where crews logged cause 'UNKNOWN' or left it blank.

Train on 2019-2022 closed tickets with a verified cause, evaluate on 2023.
"""
import json

import joblib
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, classification_report, f1_score

from preprocessing import clean_tickets, prepare

TEST_YEAR = 2023


def main():
    schema = json.load(open("schema.json"))
    tickets = pd.read_csv("data/oms_tickets_2019_2023.csv", parse_dates=["outage_start"])
    tickets = clean_tickets(tickets)
    tickets = tickets[tickets["cause_group"] != "UNKNOWN"]

    train_df = tickets[tickets["outage_start"].dt.year < TEST_YEAR]
    test_df = tickets[tickets["outage_start"].dt.year == TEST_YEAR]
    print(train_df["cause_group"].value_counts(normalize=True).round(3))

    X_train, y_train = prepare(train_df, schema)
    X_test, y_test = prepare(test_df, schema)

    clf = LogisticRegression(C=0.5, class_weight="balanced", max_iter=3000)
    clf.fit(X_train, y_train)

    y_pred = clf.predict(X_test)
    print("macro F1         ", round(f1_score(y_test, y_pred, average="macro"), 4))
    print("balanced accuracy", round(balanced_accuracy_score(y_test, y_pred), 4))
    print(classification_report(y_test, y_pred, digits=3))

    joblib.dump(clf, "models/outage_cause_logreg.joblib")


if __name__ == "__main__":
    main()
