"""Weekly DL volume per cell, next week (TB) - linear baseline used in the quarterly capacity plan."""
import json

import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import TimeSeriesSplit, cross_val_score, train_test_split

from pipeline import build_pipeline


def load(cfg):
    df = pd.read_csv(cfg["data_path"], parse_dates=["week_start"])
    df = df.sort_values(["cell_id", "week_start"])
    g = df.groupby("cell_id")["dl_volume_tb"]
    df["dl_volume_tb_lag1"] = g.shift(1)
    df["dl_volume_tb_lag4"] = g.shift(4)
    df["growth_4w"] = df["dl_volume_tb"] / df["dl_volume_tb_lag4"] - 1
    df[cfg["target"]] = g.shift(-1)
    df = df.replace([np.inf, -np.inf], np.nan)
    df = df.dropna(subset=cfg["numeric"] + [cfg["target"]])
    return df.sort_values("week_start").reset_index(drop=True)


def main():
    cfg = json.load(open("config.json"))
    df = load(cfg)
    feats = cfg["numeric"] + list(cfg["categorical"])
    X, y = df[feats], df[cfg["target"]]

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_fraction"], shuffle=False
    )
    wk = df["week_start"]
    print(f"train weeks {wk.iloc[0].date()}..{wk.iloc[len(X_train) - 1].date()}, "
          f"test weeks {wk.iloc[len(X_train)].date()}..{wk.iloc[-1].date()}")

    tscv = TimeSeriesSplit(n_splits=cfg["cv_splits"])
    cv_mae = {}
    for a in cfg["alphas"]:
        s = cross_val_score(build_pipeline(cfg, a), X_train, y_train, cv=tscv,
                            scoring="neg_mean_absolute_error")
        cv_mae[a] = -s.mean()
        print(f"alpha={a:<5} CV MAE {cv_mae[a]:.4f} TB")
    alpha = min(cv_mae, key=cv_mae.get)

    model = build_pipeline(cfg, alpha).fit(X_train, y_train)
    pred = model.predict(X_test)
    print(f"alpha={alpha}  test MAE {mean_absolute_error(y_test, pred):.4f} TB  "
          f"MAPE {mean_absolute_percentage_error(y_test, pred):.2%}")
    print(f"persistence MAE {mean_absolute_error(y_test, X_test['dl_volume_tb']):.4f} TB")


if __name__ == "__main__":
    main()
