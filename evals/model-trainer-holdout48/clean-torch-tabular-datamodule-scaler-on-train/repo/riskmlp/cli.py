"""python -m riskmlp.cli --config configs/default_risk.yaml"""
from __future__ import annotations

import argparse

import mlflow
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score

from riskmlp.data import RiskDataModule
from riskmlp.model import RiskMLP
from riskmlp.trainer import Trainer
from riskmlp.utils import seed_everything


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/default_risk.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    seed_everything(cfg["seed"])
    mlflow.set_experiment(cfg["experiment"])

    dm = RiskDataModule(cfg["data"], cfg["seed"])
    dm.setup()
    X_tr, y_tr = dm.arrays["train"]
    X_te, y_te = dm.arrays["test"]

    with mlflow.start_run():
        mlflow.log_params({**cfg["model"], **cfg["optim"]})
        baseline = LogisticRegression(max_iter=2000, class_weight="balanced", random_state=cfg["seed"])
        baseline.fit(X_tr, y_tr)
        p_base = baseline.predict_proba(X_te)[:, 1]
        mlflow.log_metrics({"baseline_test_auc": roc_auc_score(y_te, p_base),
                            "baseline_test_ap": average_precision_score(y_te, p_base)})

        model = RiskMLP(dm.n_features, **cfg["model"])
        pos_weight = float((y_tr == 0).sum() / (y_tr == 1).sum())
        trainer = Trainer(model, cfg, pos_weight)
        trainer.fit(dm.loader("train"), dm.loader("val"))
        test = trainer.evaluate(dm.loader("test"))
        mlflow.log_metrics({f"test_{k}": v for k, v in test.items()})
        mlflow.log_artifact(cfg["trainer"]["ckpt_path"])
        print("test", test)


if __name__ == "__main__":
    main()
