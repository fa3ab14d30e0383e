"""Train an XGBoost model for 5-day forward returns and run a decile backtest."""
import json
import os

import numpy as np
import pandas as pd
import xgboost as xgb
import yaml
from scipy.stats import spearmanr

from features import build_features, load_panel


def daily_ic(frame: pd.DataFrame, col: str) -> pd.Series:
    return frame.groupby("date").apply(
        lambda d: spearmanr(d[col], d["fwd_ret"]).correlation
    )


def long_short_returns(frame: pd.DataFrame, col: str, n_q: int, cost_bps: float) -> pd.Series:
    frame = frame.copy()
    frame["q"] = frame.groupby("date")[col].transform(
        lambda s: pd.qcut(s.rank(method="first"), n_q, labels=False)
    )
    top = frame[frame["q"] == n_q - 1].groupby("date")["fwd_ret"].mean()
    bottom = frame[frame["q"] == 0].groupby("date")["fwd_ret"].mean()
    gross = top - bottom
    # round-trip cost on both legs, positions held for the label horizon
    return gross - 4 * cost_bps / 1e4


def summarize(ls: pd.Series, ic: pd.Series, horizon: int) -> dict:
    periods_per_year = 252 / horizon
    ls = ls.iloc[::horizon]
    return {
        "mean_ic": float(ic.mean()),
        "ic_ir": float(ic.mean() / ic.std()),
        "ls_sharpe": float(ls.mean() / ls.std() * np.sqrt(periods_per_year)),
        "ls_ann_return": float(ls.mean() * periods_per_year),
    }


def main():
    with open("config.yaml") as f:
        cfg = yaml.safe_load(f)
    np.random.seed(cfg["seed"])
    os.makedirs(cfg["output_dir"], exist_ok=True)

    panel = load_panel(cfg["data_path"])
    df, feature_cols, stats = build_features(panel, cfg["features"])

    sp = cfg["split"]
    train = df[df["date"] <= sp["train_end"]]
    valid = df[(df["date"] >= sp["valid_start"]) & (df["date"] <= sp["valid_end"])]
    test = df[df["date"] >= sp["test_start"]].copy()
    print(f"train={len(train):,} valid={len(valid):,} test={len(test):,}")

    model = xgb.XGBRegressor(
        objective="reg:squarederror",
        tree_method="hist",
        random_state=cfg["seed"],
        **cfg["model"],
    )
    model.fit(
        train[feature_cols], train["fwd_ret"],
        eval_set=[(valid[feature_cols], valid["fwd_ret"])],
        verbose=200,
    )

    test["pred"] = model.predict(test[feature_cols])
    # simple 1-month reversal as the benchmark signal
    test["reversal"] = -test["ret_21d"]

    bt = cfg["backtest"]
    h = cfg["features"]["label_horizon"]
    results = {}
    for name in ["pred", "reversal"]:
        ic = daily_ic(test, name)
        ls = long_short_returns(test, name, bt["n_quantiles"], bt["cost_bps"])
        results[name] = summarize(ls, ic, h)
        print(name, json.dumps(results[name], indent=2))

    model.save_model(os.path.join(cfg["output_dir"], "model.json"))
    stats.to_csv(os.path.join(cfg["output_dir"], "feature_stats.csv"))
    with open(os.path.join(cfg["output_dir"], "metrics.json"), "w") as f:
        json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
