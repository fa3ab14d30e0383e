"""Train the attrition booster; choose the alert threshold on the validation split.

    python train.py --config configs/attrition.yaml
"""
import argparse
import json
from pathlib import Path

import mlflow
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from attrition.config import load
from attrition.prep import frames, make_encoder
from attrition.trainer import BoosterTrainer


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/attrition.yaml")
    cfg = load(parser.parse_args().config)
    data = frames(cfg.splits)
    valid, cols = data["valid"], cfg.numeric + cfg.categorical
    y_va = valid[cfg.target].to_numpy()

    mlflow.set_experiment("attrition")
    with mlflow.start_run(run_name="xgb"):
        trainer = BoosterTrainer(cfg).fit(data)
        p_va = trainer.predict_proba(valid)

        precision, recall, thresholds = precision_recall_curve(y_va, p_va)
        f1 = 2 * precision * recall / np.clip(precision + recall, 1e-9, None)
        threshold = float(thresholds[np.argmax(f1[:-1])])

        baseline = make_pipeline(make_encoder(cfg.numeric, cfg.categorical), StandardScaler(),
                                 LogisticRegression(C=0.3, max_iter=4000, random_state=cfg.seed))
        baseline.fit(data["train"][cols], data["train"][cfg.target])
        p_base = baseline.predict_proba(valid[cols])[:, 1]

        mlflow.log_params({**cfg.booster, "early_stop_split": cfg.early_stop.split})
        mlflow.log_metrics({
            "valid_ap": average_precision_score(y_va, p_va),
            "valid_auroc": roc_auc_score(y_va, p_va),
            "baseline_valid_ap": average_precision_score(y_va, p_base),
            "baseline_valid_auroc": roc_auc_score(y_va, p_base),
            "best_iteration": trainer.model.best_iteration,
            "threshold": threshold,
        })
        out = Path(cfg.artifact_dir)
        out.mkdir(parents=True, exist_ok=True)
        trainer.dump(str(out / "booster.joblib"))
        (out / "threshold.json").write_text(json.dumps({"threshold": threshold}))


if __name__ == "__main__":
    main()
