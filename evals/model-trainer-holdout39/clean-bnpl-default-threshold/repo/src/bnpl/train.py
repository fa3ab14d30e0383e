import json
import logging
from pathlib import Path

import joblib
import pandas as pd
import xgboost as xgb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from .config import RunConfig
from .splits import train_valid_test
from .thresholds import threshold_for_recall

log = logging.getLogger("bnpl.train")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    cfg = RunConfig.load()
    out = Path(cfg.artifacts)
    out.mkdir(parents=True, exist_ok=True)

    orders = pd.read_parquet(cfg.orders_path)
    train_df, valid_df, test_df = train_valid_test(
        orders, cfg.target, cfg.split["test"], cfg.split["valid"], cfg.seed
    )
    test_df.to_parquet(out / "test_orders.parquet")  # evaluate.py reads this; train never looks at it

    X_tr, y_tr = train_df[cfg.features], train_df[cfg.target]
    X_va, y_va = valid_df[cfg.features], valid_df[cfg.target]

    booster = xgb.XGBClassifier(**cfg.xgb, random_state=cfg.seed, tree_method="hist")
    booster.fit(X_tr, y_tr, eval_set=[(X_va, y_va)], verbose=250)
    logit = make_pipeline(StandardScaler(), LogisticRegression(C=0.3, max_iter=4000)).fit(X_tr, y_tr)

    meta = {"best_iteration": int(booster.best_iteration), "models": {}}
    for name, model in {"xgb": booster, "logit_baseline": logit}.items():
        val_scores = model.predict_proba(X_va)[:, 1]
        meta["models"][name] = {
            "threshold": threshold_for_recall(y_va, val_scores, cfg.target_recall),
            "valid_pr_auc": float(average_precision_score(y_va, val_scores)),
        }
        joblib.dump(model, out / f"{name}.joblib")
    (out / "train_meta.json").write_text(json.dumps(meta, indent=2))
    log.info("train meta: %s", meta)


if __name__ == "__main__":
    main()
