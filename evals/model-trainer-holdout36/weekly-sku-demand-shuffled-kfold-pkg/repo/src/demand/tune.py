import argparse
import json
import logging
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from sklearn.model_selection import ParameterGrid
from xgboost import XGBRegressor

from demand.cv import cross_validate
from demand.features import lag_features

log = logging.getLogger("demand.tune")


def main(cfg_file):
    cfg = yaml.safe_load(Path(cfg_file).read_text())
    np.random.seed(cfg["seed"])
    raw = pd.read_parquet(cfg["data_path"])
    df = lag_features(raw, cfg["target"], cfg["lags"], cfg["rolling_windows"])
    feats = [c for c in df.columns if c.startswith(("lag_", "mean_")) or c in ("weekofyear", "promo_next", "price")]
    X, y = df[feats], df[cfg["target"]]

    results = []
    for params in ParameterGrid(cfg["grid"]):
        make = lambda p=params: XGBRegressor(n_estimators=cfg["n_estimators"], subsample=0.8,
                                             colsample_bytree=0.8, random_state=cfg["seed"], **p)
        res = cross_validate(make, X, y, cfg["n_folds"], cfg["seed"], naive=df["lag_1"])
        log.info("%s -> %s", params, res)
        results.append({"params": params, **res})

    best = min(results, key=lambda r: r["wape"])
    report = {"best": best, "all": results}
    Path(cfg["report_path"]).parent.mkdir(parents=True, exist_ok=True)
    Path(cfg["report_path"]).write_text(json.dumps(report, indent=2))
    log.info("best params %s, CV WAPE %.4f (naive %.4f)", best["params"], best["wape"], best["naive_wape"])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/demand.yaml")
    main(ap.parse_args().config)
