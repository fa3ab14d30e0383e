import argparse
import logging

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

from src.preprocessing import prepare

SEED = 13
TARGET = "readmitted_30d"
logger = logging.getLogger(__name__)


def load(path):
    df = pd.read_csv(path, na_values=["?", "Unknown/Invalid"])
    df = df[df["discharge_disposition"] != "Expired"]          # patients who died cannot be readmitted
    df = df.drop_duplicates(subset="patient_nbr", keep="first")  # one encounter per patient
    df[TARGET] = (df["readmitted"] == "<30").astype(int)
    return df


def evaluate(name, y_true, proba):
    res = {
        "roc_auc": roc_auc_score(y_true, proba),
        "avg_precision": average_precision_score(y_true, proba),
        "brier": brier_score_loss(y_true, proba),
    }
    logger.info("%-8s %s", name, {k: round(v, 4) for k, v in res.items()})
    return res


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/diabetic_data.csv")
    parser.add_argument("--out", default="artifacts/readmission.joblib")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    df = load(args.data)
    logger.info("%d encounters, readmission rate %.3f", len(df), df[TARGET].mean())

    train_df, test_df = train_test_split(df, test_size=0.25, stratify=df[TARGET])

    X_train, preprocessor = prepare(train_df)
    X_test, _ = prepare(test_df)
    y_train, y_test = train_df[TARGET].to_numpy(), test_df[TARGET].to_numpy()

    models = {
        "prior": DummyClassifier(strategy="prior"),
        "logreg": LogisticRegression(C=0.3, max_iter=3000, class_weight="balanced"),
        "hgb": HistGradientBoostingClassifier(learning_rate=0.05, max_iter=400, max_leaf_nodes=31,
                                              l2_regularization=1.0, random_state=SEED),
    }
    for name, model in models.items():
        model.fit(X_train, y_train)
        evaluate(name, y_test, model.predict_proba(X_test)[:, 1])

    joblib.dump({"preprocessor": preprocessor, "model": models["hgb"]}, args.out)


if __name__ == "__main__":
    main()
