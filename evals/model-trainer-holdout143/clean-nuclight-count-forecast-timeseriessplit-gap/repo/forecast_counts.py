"""
24 h-ahead forecast of NucLight Red nuclear counts per well (IncuCyte S3, scan every 3 h).
Expanding-window CV over scan times (gap = one horizon), then a hold-out of the last 36 h.
"""
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.metrics import mean_absolute_percentage_error
from sklearn.model_selection import TimeSeriesSplit

SCAN_H = 3
HORIZON = 8          # scans = 24 h
HOLDOUT_H = 36
SEED = 6


def add_features(df):
    df = df.sort_values(["well", "elapsed_h"]).copy()
    df["log_count"] = np.log1p(df["red_count"])
    g = df.groupby("well")["log_count"]
    for k in (1, 2, 4, 8):
        df[f"log_count_lag{k}"] = g.shift(k)
    df["slope_12h"] = (df["log_count"] - df["log_count_lag4"]) / (4 * SCAN_H)
    df["slope_24h"] = (df["log_count"] - df["log_count_lag8"]) / (8 * SCAN_H)
    df["conf_lag0"] = df["phase_confluence"]
    df["target"] = g.shift(-HORIZON) - df["log_count"]   # log fold-change over the next 24 h
    return df.dropna(subset=[c for c in df.columns if "lag" in c or c.startswith("slope")])


def main(path="exports/nuclight_run17_long.csv"):
    raw = pd.read_csv(path)          # well, elapsed_h, red_count, phase_confluence, compound, conc_uM
    raw["log_conc"] = np.log10(raw["conc_uM"] + 1e-3)
    df = add_features(raw)
    feat_cols = ["log_count", "conf_lag0", "slope_12h", "slope_24h", "log_conc", "elapsed_h"] + \
                [c for c in df.columns if c.startswith("log_count_lag")]
    params = dict(n_estimators=500, learning_rate=0.03, num_leaves=15, min_child_samples=30,
                  subsample=0.8, subsample_freq=1, random_state=SEED, verbose=-1)

    labelled = df.dropna(subset=["target"])
    t_end = labelled["elapsed_h"].max()
    dev = labelled[labelled["elapsed_h"] <= t_end - HOLDOUT_H - HORIZON * SCAN_H]
    hold = labelled[labelled["elapsed_h"] > t_end - HOLDOUT_H]

    times = np.sort(dev["elapsed_h"].unique())
    tscv = TimeSeriesSplit(n_splits=5, gap=HORIZON)
    for k, (tr_t, te_t) in enumerate(tscv.split(times)):
        tr = dev[dev["elapsed_h"].isin(times[tr_t])]
        te = dev[dev["elapsed_h"].isin(times[te_t])]
        m = lgb.LGBMRegressor(**params).fit(tr[feat_cols], tr["target"])
        pred_count = np.expm1(te["log_count"] + m.predict(te[feat_cols]))
        true_count = np.expm1(te["log_count"] + te["target"])
        mape = mean_absolute_percentage_error(true_count, pred_count)
        print(f"fold {k}: train <= {times[tr_t].max():.0f} h, test {times[te_t].min():.0f}-{times[te_t].max():.0f} h, "
              f"MAPE {mape:.3f}")

    final = lgb.LGBMRegressor(**params).fit(dev[feat_cols], dev["target"])
    pred = np.expm1(hold["log_count"] + final.predict(hold[feat_cols]))
    truth = np.expm1(hold["log_count"] + hold["target"])
    persist = mean_absolute_percentage_error(truth, hold["red_count"])
    print(f"hold-out last {HOLDOUT_H} h: MAPE {mean_absolute_percentage_error(truth, pred):.3f} "
          f"(persistence {persist:.3f})")


if __name__ == "__main__":
    main()
