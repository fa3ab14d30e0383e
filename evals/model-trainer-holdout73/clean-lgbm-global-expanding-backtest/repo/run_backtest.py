"""Expanding-window backtest of the global LightGBM demand model, then a final refit for production."""
import argparse
import json
from pathlib import Path

import lightgbm as lgb
import pandas as pd
import yaml

from demandfc.backtest import expanding_folds, scores, seasonal_naive
from demandfc.features import calendar, feature_columns, history

CATS = ["store_id", "item_id", "dept_id"]


def train_booster(frame: pd.DataFrame, features: list[str], cfg: dict) -> lgb.Booster:
    params = {k: v for k, v in cfg["lgbm"].items() if k != "num_boost_round"}
    params.update(seed=cfg["seed"], deterministic=True, verbose=-1)
    dtrain = lgb.Dataset(frame[features], frame["sales"], categorical_feature=CATS)
    return lgb.train(params, dtrain, num_boost_round=cfg["lgbm"]["num_boost_round"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/backtest.yaml")
    cfg = yaml.safe_load(Path(ap.parse_args().config).read_text())
    horizon = cfg["horizon"]

    sales = pd.read_parquet(cfg["data"]["sales"])
    holidays = pd.read_csv(cfg["data"]["holidays"], parse_dates=["date"])
    for c in CATS:
        sales[c] = sales[c].astype("category")
    df = history(calendar(sales, holidays), horizon)
    features = feature_columns(horizon)

    rows = []
    for fold in expanding_folds(horizon=horizon, **cfg["backtest"]):
        train_mask, test_mask = fold.masks(df["date"])
        train = df[train_mask].dropna(subset=[f"lag_{horizon}"])
        test = df[test_mask]
        booster = train_booster(train, features, cfg)
        pred = booster.predict(test[features]).clip(min=0)
        naive = seasonal_naive(df, fold.cutoff, test)
        y = test["sales"].to_numpy()
        rows.append({"cutoff": str(fold.cutoff.date()), "model": "lgbm", **scores(y, pred)})
        rows.append({"cutoff": str(fold.cutoff.date()), "model": "seasonal_naive", **scores(y, naive)})
        print(rows[-2], rows[-1], sep="\n")

    report = pd.DataFrame(rows)
    summary = report.groupby("model")[["wape", "mae", "rmse", "bias"]].mean()
    print(summary)

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    report.to_csv(out / "backtest_folds.csv", index=False)
    summary.to_json(out / "backtest_summary.json", indent=2)

    final = train_booster(df.dropna(subset=[f"lag_{horizon}"]), features, cfg)
    final.save_model(str(out / "lgbm_global.txt"))
    (out / "features.json").write_text(json.dumps(features))


if __name__ == "__main__":
    main()
