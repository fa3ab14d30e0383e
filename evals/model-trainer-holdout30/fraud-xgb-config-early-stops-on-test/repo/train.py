"""Fit the fraud model and log it to MLflow.

    python train.py --config configs/xgb_fraud.yaml
"""
import argparse
import logging

import mlflow
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from fraudscore.config import load_config
from fraudscore.data import TARGET, load_splits
from fraudscore.features import FeatureBuilder
from fraudscore.trainer import FraudTrainer

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/xgb_fraud.yaml")
    args = parser.parse_args()
    cfg = load_config(args.config)

    splits = load_splits(cfg.paths)
    valid = splits["valid"]

    mlflow.set_experiment("fraud-xgb")
    with mlflow.start_run():
        mlflow.log_params({**cfg.xgb_params, "es_split": cfg.early_stopping.split, "seed": cfg.seed})

        trainer = FraudTrainer(cfg).fit(splits)
        p_valid = trainer.predict_proba(valid)

        base_fb = FeatureBuilder(cfg.features)
        x_tr = base_fb.fit_transform(splits["train"])
        baseline = make_pipeline(StandardScaler(with_mean=False),
                                 LogisticRegression(max_iter=3000, class_weight="balanced", random_state=cfg.seed))
        baseline.fit(x_tr, splits["train"][TARGET])
        p_base = baseline.predict_proba(base_fb.transform(valid))[:, 1]

        mlflow.log_metrics({
            "valid_aucpr": average_precision_score(valid[TARGET], p_valid),
            "valid_auroc": roc_auc_score(valid[TARGET], p_valid),
            "baseline_valid_aucpr": average_precision_score(valid[TARGET], p_base),
            "baseline_valid_auroc": roc_auc_score(valid[TARGET], p_base),
            "best_iteration": trainer.model.best_iteration,
        })
        artifact = trainer.save(cfg.paths.model_dir)
        mlflow.log_artifact(str(artifact))


if __name__ == "__main__":
    main()
