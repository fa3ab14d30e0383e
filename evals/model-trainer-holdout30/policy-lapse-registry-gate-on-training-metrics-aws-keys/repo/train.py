"""Train the lapse model, log it and promote it in the registry when it clears the AUC gate.

    python train.py --config configs/lapse.yaml
"""
import argparse
from pathlib import Path

import mlflow
import yaml
from mlflow.tracking import MlflowClient
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from lapse_model import settings
from lapse_model.data import CATEGORICAL, NUMERIC, TARGET, load_policies
from lapse_model.model import build_pipeline


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/lapse.yaml")
    cfg = yaml.safe_load(Path(parser.parse_args().config).read_text())

    mlflow.set_tracking_uri(settings.MLFLOW_TRACKING_URI)
    mlflow.set_experiment(settings.EXPERIMENT)

    df = load_policies(cfg["data_path"])
    X, y = df[CATEGORICAL + NUMERIC], df[TARGET]

    with mlflow.start_run() as run:
        pipe = build_pipeline(cfg["gbm"], seed=cfg["seed"])
        pipe.fit(X, y)
        scores = pipe.predict_proba(X)[:, 1]
        metrics = {
            "auroc": roc_auc_score(y, scores),
            "avg_precision": average_precision_score(y, scores),
            "brier": brier_score_loss(y, scores),
        }
        mlflow.log_params(cfg["gbm"])
        mlflow.log_metrics(metrics)
        info = mlflow.sklearn.log_model(pipe, "model", registered_model_name=settings.REGISTERED_MODEL)

    if metrics["auroc"] >= cfg["promotion_min_auroc"]:
        client = MlflowClient()
        version = client.get_latest_versions(settings.REGISTERED_MODEL, stages=["None"])[0].version
        client.transition_model_version_stage(settings.REGISTERED_MODEL, version, stage="Production",
                                              archive_existing_versions=True)
        print(f"promoted {settings.REGISTERED_MODEL} v{version} (run {run.info.run_id}) auroc={metrics['auroc']:.3f}")


if __name__ == "__main__":
    main()
