import argparse
import json
import logging
from pathlib import Path

import joblib
import lightgbm as lgb
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from churn.config import ChurnConfig
from churn.features import feature_columns

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
log = logging.getLogger("train")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/churn.yaml")
    args = parser.parse_args()
    cfg = ChurnConfig.from_yaml(args.config)

    data_dir = Path(cfg.paths["processed_dir"])
    model_dir = Path(cfg.paths["model_dir"])
    model_dir.mkdir(parents=True, exist_ok=True)
    train = pd.read_parquet(data_dir / "train.parquet")
    valid = pd.read_parquet(data_dir / "valid.parquet")
    cols = feature_columns(cfg)

    params = dict(cfg.lgbm)
    patience = params.pop("early_stopping_rounds")
    model = lgb.LGBMClassifier(objective="binary", random_state=cfg.seed, verbose=-1, **params)
    model.fit(
        train[cols],
        train[cfg.target],
        eval_set=[(valid[cols], valid[cfg.target])],
        eval_metric="auc",
        callbacks=[lgb.early_stopping(patience), lgb.log_evaluation(100)],
    )

    # simple reference model on the raw numeric columns
    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000, C=1.0))
    baseline.fit(train[cfg.numeric].fillna(0.0), train[cfg.target])

    valid_scores = {
        "lgbm_auc": roc_auc_score(valid[cfg.target], model.predict_proba(valid[cols])[:, 1]),
        "lgbm_ap": average_precision_score(valid[cfg.target], model.predict_proba(valid[cols])[:, 1]),
        "baseline_auc": roc_auc_score(
            valid[cfg.target], baseline.predict_proba(valid[cfg.numeric].fillna(0.0))[:, 1]
        ),
        "best_iteration": int(model.best_iteration_),
    }
    log.info("validation: %s", valid_scores)

    joblib.dump(model, model_dir / "lgbm.joblib")
    joblib.dump(baseline, model_dir / "baseline.joblib")
    (model_dir / "valid_metrics.json").write_text(json.dumps(valid_scores, indent=2))


if __name__ == "__main__":
    main()
