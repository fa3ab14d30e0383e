"""Card-transaction fraud model: out-of-time retrain + champion/challenger promotion."""
import logging

import lightgbm as lgb
import mlflow
import mlflow.lightgbm
import pandas as pd
import yaml
from mlflow.tracking import MlflowClient

from fraud_training.evaluate import compare_to_champion, compute_metrics, positive_rate

log = logging.getLogger(__name__)
DROP = ["txn_id", "card_id", "merchant_id"]


def time_split(df: pd.DataFrame, cfg: dict):
    ts = pd.to_datetime(df[cfg["timestamp_col"]])
    train = df[ts < cfg["train_end"]]
    valid = df[(ts >= cfg["train_end"]) & (ts < cfg["valid_end"])]
    test = df[ts >= cfg["valid_end"]]
    return train, valid, test


def xy(df: pd.DataFrame, cfg: dict):
    X = df.drop(columns=DROP + [cfg["target"], cfg["timestamp_col"]])
    return X, df[cfg["target"]].astype(int)


def load_champion_metrics(client: MlflowClient, name: str) -> dict | None:
    try:
        mv = client.get_model_version_by_alias(name, "champion")
    except mlflow.exceptions.MlflowException:
        return None
    return {"accuracy": client.get_run(mv.run_id).data.metrics["test_accuracy"]}


def run(config_path: str = "config.yaml") -> None:
    cfg = yaml.safe_load(open(config_path))
    df = pd.read_parquet(cfg["snapshot"])
    train, valid, test = time_split(df, cfg)
    X_tr, y_tr = xy(train, cfg)
    X_va, y_va = xy(valid, cfg)
    X_te, y_te = xy(test, cfg)
    log.info("rows train/valid/test = %d/%d/%d", len(X_tr), len(X_va), len(X_te))
    log.info("fraud rate train=%.4f%% test=%.4f%%", 100 * positive_rate(y_tr), 100 * positive_rate(y_te))

    model = lgb.LGBMClassifier(**cfg["lgbm"], random_state=cfg["seed"], verbose=-1)
    model.fit(
        X_tr, y_tr,
        eval_set=[(X_va, y_va)],
        eval_metric="auc",
        callbacks=[lgb.early_stopping(200, verbose=False)],
    )

    test_metrics = compute_metrics(model, X_te, y_te)
    client = MlflowClient()
    champion = load_champion_metrics(client, cfg["model_name"])

    mlflow.set_experiment("card-fraud")
    with mlflow.start_run(run_name=f"oot-{cfg['valid_end']}") as active:
        mlflow.log_params({**cfg["lgbm"], "best_iteration": model.best_iteration_})
        mlflow.log_metrics({f"test_{k}": v for k, v in test_metrics.items()})
        mlflow.lightgbm.log_model(model, artifact_path="model")
        if compare_to_champion(test_metrics, champion):
            mv = mlflow.register_model(f"runs:/{active.info.run_id}/model", cfg["model_name"])
            client.set_registered_model_alias(cfg["model_name"], "champion", mv.version)
            log.info("promoted v%s (accuracy %.5f vs %s)", mv.version, test_metrics["accuracy"], champion)
        else:
            log.info("challenger rejected: %s vs champion %s", test_metrics, champion)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
