"""Tune LightGBM with purged/embargoed CV on the development period, then test once on the holdout."""
import itertools
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from research.cv import PurgedKFold
from research.metrics import daily_rank_ic, long_short_sharpe

FEATURES = ["mom_5", "mom_21", "mom_63", "mom_252_21", "rev_1", "vol_21", "vol_63",
            "turnover_21", "amihud_21", "size", "beta_252", "max_ret_21"]


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    seed, h = cfg["seed"], cfg["label_horizon"]
    np.random.seed(seed)

    df = pd.read_parquet(cfg["data_path"])  # features already lagged to the feature date
    df["date"] = pd.to_datetime(df["date"])
    df = df.sort_values(["date", "ticker"]).reset_index(drop=True)
    df["fwd_ret"] = df.groupby("ticker")["close"].shift(-h) / df["close"] - 1
    df["label_end"] = df.groupby("ticker")["date"].shift(-h)
    df["y"] = df.groupby("date")["fwd_ret"].rank(pct=True) - 0.5
    df = df.dropna(subset=FEATURES + ["y", "label_end"]).reset_index(drop=True)

    dev = df[df["label_end"] <= cfg["dev_end"]].reset_index(drop=True)
    hold = df[df["date"] >= cfg["holdout_start"]].reset_index(drop=True)

    cv = PurgedKFold(**cfg["cv"])
    folds = list(cv.split(dev["date"], dev["label_end"]))
    results = []
    for nl, mcs in itertools.product(cfg["grid"]["num_leaves"], cfg["grid"]["min_child_samples"]):
        fold_ic = []
        for tr_idx, te_idx in folds:
            m = lgb.LGBMRegressor(num_leaves=nl, min_child_samples=mcs, random_state=seed,
                                  verbose=-1, **cfg["lgbm"])
            m.fit(dev.loc[tr_idx, FEATURES], dev.loc[tr_idx, "y"])
            te = dev.loc[te_idx]
            fold_ic.append(daily_rank_ic(te["date"], m.predict(te[FEATURES]), te["y"]).mean())
        results.append({"num_leaves": nl, "min_child_samples": mcs,
                        "cv_ic": float(np.mean(fold_ic)), "cv_ic_std": float(np.std(fold_ic))})
    cv_table = pd.DataFrame(results).sort_values("cv_ic", ascending=False)
    print(cv_table.to_string(index=False))
    best = cv_table.iloc[0]

    model = lgb.LGBMRegressor(num_leaves=int(best["num_leaves"]),
                              min_child_samples=int(best["min_child_samples"]),
                              random_state=seed, verbose=-1, **cfg["lgbm"])
    model.fit(dev[FEATURES], dev["y"])
    ridge = make_pipeline(StandardScaler(), Ridge(alpha=100.0)).fit(dev[FEATURES], dev["y"])

    report = {}
    for name, pred in [("lgbm", model.predict(hold[FEATURES])),
                       ("ridge", ridge.predict(hold[FEATURES])),
                       ("mom_252_21", hold["mom_252_21"].to_numpy())]:
        ic = daily_rank_ic(hold["date"], pred, hold["y"])
        report[name] = {
            "mean_ic": float(ic.mean()),
            "ic_hit_rate": float((ic > 0).mean()),
            "ls_sharpe_net": long_short_sharpe(hold["date"], hold["ticker"], pred,
                                               hold["fwd_ret"], h, cfg["cost_bps"]),
        }
    print(json.dumps({"best_params": best.to_dict(), "holdout": report}, indent=2))


if __name__ == "__main__":
    main()
