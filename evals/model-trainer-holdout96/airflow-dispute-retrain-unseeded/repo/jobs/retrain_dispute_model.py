"""Airflow-triggered retraining task for the invoice dispute classifier.

Invoked by the `dispute_model_retrain` DAG as:
    python jobs/retrain_dispute_model.py --run-date {{ ds }}
"""
import argparse
import logging
import os
from pathlib import Path

import mlflow
import mlflow.sklearn
import pandas as pd
import tomli
from sqlalchemy import create_engine, text
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("retrain_dispute_model")


def load_config(path: str) -> dict:
    with open(path, "rb") as fh:
        return tomli.load(fh)


def fetch_training_frame(cfg: dict, run_date: str) -> pd.DataFrame:
    engine = create_engine(os.environ["WAREHOUSE_DSN"])
    sql = Path(cfg["data"]["query_file"]).read_text()
    with engine.connect() as conn:
        df = pd.read_sql(text(sql), conn, params={"run_date": run_date, "lookback": cfg["data"]["lookback_days"]})
    log.info("fetched %d invoices for run_date=%s", len(df), run_date)
    return df


def build_pipeline(cfg: dict) -> Pipeline:
    pre = ColumnTransformer([
        ("num", SimpleImputer(strategy="median"), cfg["features"]["numeric"]),
        ("cat", Pipeline([
            ("impute", SimpleImputer(strategy="constant", fill_value="missing")),
            ("ohe", OneHotEncoder(handle_unknown="ignore", min_frequency=20)),
        ]), cfg["features"]["categorical"]),
    ])
    return Pipeline([("pre", pre), ("rf", RandomForestClassifier(n_jobs=-1, **cfg["model"]))])


def score(y_true, proba) -> dict:
    pred = (proba >= 0.5).astype(int)
    return {
        "roc_auc": roc_auc_score(y_true, proba),
        "f1": f1_score(y_true, pred),
        "precision": precision_score(y_true, pred, zero_division=0),
        "recall": recall_score(y_true, pred),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--run-date", required=True)
    ap.add_argument("--config", default="config/dispute_model.toml")
    args = ap.parse_args()
    cfg = load_config(args.config)

    df = fetch_training_frame(cfg, args.run_date)
    cols = cfg["features"]["numeric"] + cfg["features"]["categorical"]
    X, y = df[cols], df[cfg["data"]["target"]].astype(int)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=cfg["data"]["test_size"])

    mlflow.set_experiment(cfg["mlflow"]["experiment"])
    with mlflow.start_run(run_name=f"retrain-{args.run_date}"):
        mlflow.log_params(cfg["model"])
        pipe = build_pipeline(cfg).fit(X_train, y_train)
        metrics = score(y_test, pipe.predict_proba(X_test)[:, 1])

        dummy = DummyClassifier(strategy="stratified").fit(X_train, y_train)
        metrics.update({f"baseline_{k}": v for k, v in score(y_test, dummy.predict_proba(X_test)[:, 1]).items()})
        mlflow.log_metrics(metrics)
        log.info("metrics: %s", metrics)

        mlflow.sklearn.log_model(pipe, "model", registered_model_name=cfg["mlflow"]["registered_model"])


if __name__ == "__main__":
    main()
