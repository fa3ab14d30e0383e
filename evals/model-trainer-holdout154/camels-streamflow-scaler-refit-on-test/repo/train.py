import argparse

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import r2_score

from preprocess import add_lagged, build_matrix


def nse(obs, sim):
    return 1 - np.sum((obs - sim) ** 2) / np.sum((obs - np.mean(obs)) ** 2)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--table", default="data/camels_monthly.parquet")
    ap.add_argument("--split-date", default="2005-10-01")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    df = pd.read_parquet(args.table)
    df["month"] = pd.to_datetime(df["month"])
    df = add_lagged(df)
    df = df.dropna(subset=["q_mm"])
    df["log_q"] = np.log1p(df["q_mm"])

    train = df[df["month"] < args.split_date]
    test = df[df["month"] >= args.split_date]
    print(f"train {len(train)} rows / test {len(test)} rows, {df.gauge_id.nunique()} basins")

    X_train = build_matrix(train)
    X_test = build_matrix(test)

    model = xgb.XGBRegressor(
        n_estimators=700,
        learning_rate=0.04,
        max_depth=7,
        subsample=0.8,
        colsample_bytree=0.8,
        random_state=args.seed,
    )
    model.fit(X_train, train["log_q"])
    pred = np.expm1(model.predict(X_test)).clip(min=0)

    test = test.assign(pred=pred)
    per_basin = test.groupby("gauge_id").apply(lambda g: nse(g["q_mm"].values, g["pred"].values))
    print(f"median NSE over basins: {per_basin.median():.3f}")
    print(f"share of basins NSE>0.5: {(per_basin > 0.5).mean():.2%}")
    print(f"pooled R2 (log q): {r2_score(test['log_q'], np.log1p(pred)):.3f}")


if __name__ == "__main__":
    main()
