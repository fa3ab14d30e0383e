import argparse
import logging
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from backtest.features import add_features
from backtest.origins import expanding_origins

log = logging.getLogger("backtest")


def mase(y, p, scale):
    return float(np.mean(np.abs(y - p)) / scale)


def run(cfg: dict) -> pd.DataFrame:
    raw = pd.read_parquet(cfg["data"])
    target = cfg["target"]
    df = add_features(raw, target, cfg["lags"]).dropna()
    feats = [c for c in df.columns if c.startswith(("lag_", "trail_", "woy_")) or c in ("hdd_fcst", "temp_fcst_c")]

    rows = []
    for origin in expanding_origins(cfg["first_cutoff"], cfg["step_weeks"], cfg["horizon_weeks"], cfg["n_origins"]):
        hist = df[df["week"] <= origin.cutoff]
        fut = df[(df["week"] > origin.cutoff) & (df["week"] <= origin.horizon_end)]
        if fut.empty:
            break
        models = {
            "ridge": make_pipeline(StandardScaler(), Ridge(alpha=cfg["ridge"]["alpha"])),
            "hgb": HistGradientBoostingRegressor(random_state=cfg["seed"], **cfg["hgb"]),
        }
        # in-sample seasonal-naive error on the training window, the usual MASE scale
        scale = float(np.mean(np.abs(hist[target] - hist["lag_52"])))
        y = fut[target].to_numpy()
        preds = {name: m.fit(hist[feats], hist[target]).predict(fut[feats]) for name, m in models.items()}
        preds["seasonal_naive"] = fut["lag_52"].to_numpy()
        for name, p in preds.items():
            rows.append({
                "cutoff": origin.cutoff.date(), "model": name, "n": len(y),
                "mae": float(np.mean(np.abs(y - p))),
                "rmse": float(np.sqrt(np.mean((y - p) ** 2))),
                "mase": mase(y, p, scale),
            })
        log.info("cutoff %s: train weeks <= %s, scored %d rows", origin.cutoff.date(), hist["week"].max().date(), len(y))
    return pd.DataFrame(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/backtest.yaml")
    cfg = yaml.safe_load(Path(ap.parse_args().config).read_text())
    np.random.seed(cfg["seed"])
    res = run(cfg)
    Path(cfg["output"]).parent.mkdir(parents=True, exist_ok=True)
    res.to_csv(cfg["output"], index=False)
    print(res.groupby("model")[["mae", "rmse", "mase"]].mean().round(3))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
