"""Monthly churn retraining job.

Reads the latest feature-store snapshot, trains a gradient boosting classifier
and logs the run + candidate model to MLflow.
"""
import argparse
import sys

import mlflow
import mlflow.sklearn
import yaml
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

sys.path.insert(0, "src")
from churn.data import load_snapshot, split_columns  # noqa: E402
from churn.features import build_features  # noqa: E402


def make_pipeline(numeric, categorical, params):
    pre = ColumnTransformer(
        [
            ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), numeric),
            ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=50), categorical),
        ]
    )
    return Pipeline([("pre", pre), ("clf", GradientBoostingClassifier(**params))])


def main(cfg_path: str) -> None:
    with open(cfg_path) as fh:
        cfg = yaml.safe_load(fh)
    target = cfg["target"]

    df = load_snapshot(cfg["snapshot_path"])
    df = build_features(df, target)
    numeric, categorical = split_columns(df, target)
    X = df[numeric + categorical]
    y = df[target].astype(int)

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"]
    )

    mlflow.set_experiment(cfg["mlflow"]["experiment"])
    with mlflow.start_run(run_name=f"retrain-{df['snapshot_date'].max():%Y-%m}"):
        mlflow.log_params(cfg["model"])
        mlflow.log_param("n_train", len(X_train))

        baseline = DummyClassifier(strategy="prior").fit(X_train, y_train)
        base_auc = roc_auc_score(y_test, baseline.predict_proba(X_test)[:, 1])

        model = make_pipeline(numeric, categorical, {**cfg["model"], "random_state": cfg["seed"]})
        model.fit(X_train, y_train)
        proba = model.predict_proba(X_test)[:, 1]

        metrics = {
            "test_roc_auc": roc_auc_score(y_test, proba),
            "test_pr_auc": average_precision_score(y_test, proba),
            "test_f1": f1_score(y_test, proba >= 0.5),
            "baseline_roc_auc": base_auc,
        }
        mlflow.log_metrics(metrics)
        print({k: round(v, 4) for k, v in metrics.items()})

        mlflow.sklearn.log_model(
            model,
            artifact_path="model",
            registered_model_name=cfg["mlflow"]["registered_model"],
            input_example=X_test.head(5),
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="conf/train.yaml")
    main(parser.parse_args().config)
