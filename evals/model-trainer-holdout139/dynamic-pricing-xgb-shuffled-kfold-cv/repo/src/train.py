"""Train the weekly demand model behind the repricer and report cross-validated error.

usage: python -m src.train --config configs/demand_xgb.yaml
"""
import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import yaml
import xgboost as xgb
from sklearn.model_selection import KFold

from src.features import load_panel, add_price_features, add_demand_history, add_calendar, feature_columns


def wape(y, p):
    return float(np.abs(y - p).sum() / y.sum())


def main(cfg_path: str) -> None:
    cfg = yaml.safe_load(open(cfg_path))
    fcfg = cfg["features"]

    df = load_panel(cfg["data"]["panel_path"], cfg["data"]["min_weeks_history"])
    df = add_price_features(df)
    df = add_demand_history(df, fcfg["lags"], fcfg["rolling_windows"])
    df = add_calendar(df)
    cols = feature_columns(fcfg["lags"], fcfg["rolling_windows"])
    df = df.dropna(subset=[f"units_lag_{max(fcfg['lags'])}"]).reset_index(drop=True)

    X, y = df[cols], df["units"]
    params = dict(cfg["model"], random_state=cfg["seed"], tree_method="hist", n_jobs=-1)

    kf = KFold(n_splits=cfg["cv"]["n_splits"], shuffle=cfg["cv"]["shuffle"], random_state=cfg["seed"])
    fold_scores = []
    for fold, (tr_idx, va_idx) in enumerate(kf.split(X)):
        m = xgb.XGBRegressor(**params)
        m.fit(X.iloc[tr_idx], y.iloc[tr_idx])
        s = wape(y.iloc[va_idx].values, m.predict(X.iloc[va_idx]))
        fold_scores.append(s)
        print(f"fold {fold}: WAPE={s:.4f}")
    print(f"CV WAPE {np.mean(fold_scores):.4f} +/- {np.std(fold_scores):.4f}")

    final = xgb.XGBRegressor(**params)
    final.fit(X, y)

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(final, out / "model.joblib")
    json.dump({"cv_wape": float(np.mean(fold_scores)), "folds": fold_scores, "features": cols},
              open(out / "metrics.json", "w"), indent=2)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/demand_xgb.yaml")
    main(ap.parse_args().config)
