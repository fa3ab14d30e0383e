import itertools
import logging

import hydra
import mlflow
import mlflow.xgboost
import pandas as pd
import xgboost as xgb
from omegaconf import DictConfig, OmegaConf
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

from registry import load_champion, promote

log = logging.getLogger(__name__)


def param_grid(grid: DictConfig):
    keys = list(grid.keys())
    for values in itertools.product(*(grid[k] for k in keys)):
        yield dict(zip(keys, values))


def evaluate(model, X, y) -> dict:
    proba = model.predict_proba(X)[:, 1]
    return {
        "roc_auc": roc_auc_score(y, proba),
        "pr_auc": average_precision_score(y, proba),
        "brier": brier_score_loss(y, proba),
    }


@hydra.main(config_path="conf", config_name="retrain", version_base="1.3")
def main(cfg: DictConfig) -> None:
    mlflow.set_tracking_uri(cfg.mlflow.tracking_uri)
    mlflow.set_experiment(cfg.mlflow.experiment)

    df = pd.read_parquet(cfg.data.path)
    X = df.drop(columns=list(cfg.data.drop) + [cfg.data.target])
    y = df[cfg.data.target].astype(int)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg.data.test_size, stratify=y, random_state=cfg.seed
    )
    log.info("train=%d test=%d positive rate=%.3f", len(X_train), len(X_test), y.mean())

    baseline = DummyClassifier(strategy="prior").fit(X_train, y_train)
    baseline_metrics = evaluate(baseline, X_test, y_test)

    best = {"score": -1.0, "run_id": None, "model": None, "params": None}
    for params in param_grid(cfg.grid):
        with mlflow.start_run(run_name="sweep", nested=False) as run:
            full_params = {**params, **OmegaConf.to_container(cfg.fixed), "random_state": cfg.seed}
            model = xgb.XGBClassifier(**full_params)
            model.fit(X_train, y_train, verbose=False)
            metrics = evaluate(model, X_test, y_test)

            mlflow.log_params(full_params)
            mlflow.log_metrics({f"test_{k}": v for k, v in metrics.items()})
            mlflow.log_metrics({f"baseline_{k}": v for k, v in baseline_metrics.items()})
            mlflow.xgboost.log_model(model, artifact_path="model")

            if metrics["roc_auc"] > best["score"]:
                best = {"score": metrics["roc_auc"], "run_id": run.info.run_id, "model": model, "params": params}

    log.info("best params %s test auc %.4f", best["params"], best["score"])

    champion, champion_version = load_champion(cfg.mlflow.model_name)
    if champion is not None:
        champion_auc = evaluate(champion, X_test, y_test)["roc_auc"]
        log.info("champion v%s test auc %.4f", champion_version, champion_auc)
        if best["score"] <= champion_auc:
            log.info("challenger does not beat champion, keeping v%s", champion_version)
            return

    version = promote(cfg.mlflow.model_name, best["run_id"])
    log.info("promoted run %s as %s v%s", best["run_id"], cfg.mlflow.model_name, version)


if __name__ == "__main__":
    main()
