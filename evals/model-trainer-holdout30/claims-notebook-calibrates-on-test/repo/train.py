"""Train the claims-triage model.

    python train.py --config configs/claims.yaml
"""
import argparse
from pathlib import Path

import joblib
import mlflow
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from claims_triage.data import load_split
from claims_triage.model import make_model


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/claims.yaml")
    cfg = yaml.safe_load(Path(parser.parse_args().config).read_text())

    x_tr, y_tr = load_split(cfg["paths"]["train"])
    x_va, y_va = load_split(cfg["paths"]["valid"])

    mlflow.set_experiment("claims-triage")
    with mlflow.start_run(run_name="hgb"):
        mlflow.log_params(cfg["model"])
        pipe = make_model(cfg["model"], seed=cfg["seed"]).fit(x_tr, y_tr)
        prior = DummyClassifier(strategy="prior").fit(x_tr, y_tr)
        p_va = pipe.predict_proba(x_va)[:, 1]
        p_prior = prior.predict_proba(x_va)[:, 1]
        mlflow.log_metrics({
            "valid_auroc": roc_auc_score(y_va, p_va),
            "valid_ap": average_precision_score(y_va, p_va),
            "valid_brier": brier_score_loss(y_va, p_va),
            "prior_valid_ap": average_precision_score(y_va, p_prior),
            "prior_valid_brier": brier_score_loss(y_va, p_prior),
        })
        Path(cfg["paths"]["model"]).parent.mkdir(parents=True, exist_ok=True)
        joblib.dump(pipe, cfg["paths"]["model"])


if __name__ == "__main__":
    main()
