"""Train the longline yield model.

    python train.py --config config.yaml
"""
import argparse
import json
import logging
import sys
from pathlib import Path

import lightgbm as lgb
import numpy as np
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GroupShuffleSplit

sys.path.insert(0, str(Path(__file__).parent / "src"))
from seaweed.data import load_harvests  # noqa: E402
from seaweed.features import CATEGORICAL, build_features  # noqa: E402

log = logging.getLogger("seaweed.train")


def main(cfg_path: str) -> None:
    cfg = yaml.safe_load(open(cfg_path))
    np.random.seed(cfg["seed"])

    df = load_harvests(cfg["data"]["harvests"], cfg["data"]["sites"])
    X = build_features(df)
    y = df["yield_kg_per_m"].to_numpy()
    groups = df[cfg["split"]["group_col"]]

    gss = GroupShuffleSplit(n_splits=1, test_size=cfg["split"]["test_fraction"],
                            random_state=cfg["seed"])
    tr_idx, te_idx = next(gss.split(X, y, groups))
    X_tr, X_te, y_tr, y_te = X.iloc[tr_idx], X.iloc[te_idx], y[tr_idx], y[te_idx]
    log.info("train=%d test=%d lines", len(tr_idx), len(te_idx))

    params = {k: v for k, v in cfg["lgbm"].items()
              if k not in ("num_boost_round", "early_stopping_rounds")}
    params["seed"] = cfg["seed"]
    params["verbose"] = -1

    dtrain = lgb.Dataset(X_tr, y_tr, categorical_feature=CATEGORICAL)
    dholdout = lgb.Dataset(X_te, y_te, reference=dtrain)
    booster = lgb.train(
        params,
        dtrain,
        num_boost_round=cfg["lgbm"]["num_boost_round"],
        valid_sets=[dholdout],
        valid_names=["holdout"],
        callbacks=[lgb.early_stopping(cfg["lgbm"]["early_stopping_rounds"]),
                   lgb.log_evaluation(100)],
    )

    # baseline: species median yield from the training lines
    species_med = (
        df.iloc[tr_idx].groupby("species", observed=True)["yield_kg_per_m"].median()
    )
    base = X_te["species"].map(species_med).astype(float).fillna(np.median(y_tr)).to_numpy()

    pred = booster.predict(X_te, num_iteration=booster.best_iteration)
    metrics = {
        "best_iteration": booster.best_iteration,
        "mae": mean_absolute_error(y_te, pred),
        "rmse": mean_squared_error(y_te, pred) ** 0.5,
        "r2": r2_score(y_te, pred),
        "baseline_mae": mean_absolute_error(y_te, base),
    }
    log.info("holdout metrics: %s", metrics)

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    booster.save_model(str(out / "yield_lgbm.txt"))
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    main(ap.parse_args().config)
