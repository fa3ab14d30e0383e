"""Train the cross-sectional LightGBM alpha model on 5-day forward returns."""
import json
import tomllib
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from scipy.stats import spearmanr

from alpha import features as F
from alpha.labels import forward_return


def rank_ic(frame: pd.DataFrame, col: str) -> pd.Series:
    return frame.groupby("date").apply(lambda d: spearmanr(d[col], d["label"]).correlation)


def top_bottom_spread(frame: pd.DataFrame, col: str, q: float = 0.1) -> pd.Series:
    def one_day(d):
        lo, hi = d[col].quantile([q, 1 - q])
        return d.loc[d[col] >= hi, "label"].mean() - d.loc[d[col] <= lo, "label"].mean()
    return frame.groupby("date").apply(one_day)


def main(cfg_path: str = "config.toml") -> None:
    cfg = tomllib.loads(Path(cfg_path).read_text())
    np.random.seed(cfg["seed"])
    out = Path(cfg["out_dir"])
    out.mkdir(parents=True, exist_ok=True)

    df = pd.read_parquet(cfg["data_path"])
    df["date"] = pd.to_datetime(df["date"])
    df = df.sort_values(["ticker", "date"]).reset_index(drop=True)

    lab = cfg["label"]
    df["label"] = forward_return(df, lab["horizon"], lab["demean"])

    fc = cfg["features"]
    cols = F.momentum(df, fc["mom_windows"])
    cols += F.volatility(df, fc["vol_window"])
    cols += F.liquidity(df, fc["turnover_window"])
    cols += F.target_history(df, "label", fc["target_halflife"])
    df = df.dropna(subset=cols + ["label"]).copy()
    F.cross_sectional_rank(df, cols)

    sp = cfg["split"]
    train = df[df["date"] <= sp["train_end"]]
    valid = df[(df["date"] >= sp["valid_start"]) & (df["date"] <= sp["valid_end"])]
    test = df[df["date"] >= sp["test_start"]].copy()

    params = {k: v for k, v in cfg["model"].items()
              if k not in ("num_boost_round", "early_stopping_rounds")}
    params.update(seed=cfg["seed"], verbosity=-1)
    booster = lgb.train(
        params,
        lgb.Dataset(train[cols], train["label"]),
        num_boost_round=cfg["model"]["num_boost_round"],
        valid_sets=[lgb.Dataset(valid[cols], valid["label"])],
        callbacks=[lgb.early_stopping(cfg["model"]["early_stopping_rounds"]),
                   lgb.log_evaluation(200)],
    )

    test["score"] = booster.predict(test[cols], num_iteration=booster.best_iteration)
    report = {}
    for name in ["score", "mom_12_1"]:
        ic = rank_ic(test, name)
        spread = top_bottom_spread(test, name)
        report[name] = {
            "ic_mean": float(ic.mean()),
            "ic_ir": float(ic.mean() / ic.std() * np.sqrt(252 / lab["horizon"])),
            "spread_bps": float(spread.mean() * 1e4),
        }
    print(json.dumps(report, indent=2))
    booster.save_model(str(out / "model.txt"))
    (out / "report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
