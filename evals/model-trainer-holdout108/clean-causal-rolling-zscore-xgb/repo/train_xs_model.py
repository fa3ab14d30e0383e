"""Cross-sectional XGBoost model on causally normalized price/volume features (daily, 3-day horizon)."""
import json

import numpy as np
import pandas as pd
import xgboost as xgb
from scipy.stats import spearmanr

SEED = 1009
HORIZON = 3
COST_BPS = 6
TRAIN_END, VALID_START = "2017-12-31", "2018-01-08"
VALID_END, TEST_START = "2019-12-31", "2020-01-08"


def causal_zscore(s: pd.Series, window: int) -> pd.Series:
    """Z-score against the trailing window only (value at t uses t-window+1..t)."""
    mu = s.rolling(window, min_periods=window // 2).mean()
    sd = s.rolling(window, min_periods=window // 2).std()
    return (s - mu) / sd


def build(df: pd.DataFrame) -> tuple:
    g = df.groupby("ticker", group_keys=False)
    df["ret_1"] = g["close"].pct_change()
    df["ret_5"] = g["close"].pct_change(5)
    df["ret_21"] = g["close"].pct_change(21)
    df["gap"] = df["open"] / g["close"].shift(1) - 1
    df["intraday"] = df["close"] / df["open"] - 1
    df["log_dvol"] = np.log1p(df["close"] * df["volume"])
    df["dvol_z"] = g["log_dvol"].apply(lambda s: causal_zscore(s, 63))
    df["ret_z"] = g["ret_1"].apply(lambda s: causal_zscore(s, 63))
    df["vol_regime"] = g["ret_1"].apply(
        lambda s: s.rolling(21).std() / s.expanding(min_periods=126).std()
    )
    feats = ["ret_1", "ret_5", "ret_21", "gap", "intraday", "dvol_z", "ret_z", "vol_regime"]

    # per-date winsorize + rank: uses only the same day's cross-section
    lo = df.groupby("date")[feats].transform(lambda s: s.quantile(0.01))
    hi = df.groupby("date")[feats].transform(lambda s: s.quantile(0.99))
    df[feats] = df[feats].clip(lo, hi)
    df[feats] = df.groupby("date")[feats].rank(pct=True).sub(0.5).fillna(0.0)

    fwd = g["close"].shift(-HORIZON) / df["close"] - 1
    df["fwd_ret"] = fwd
    df["y"] = fwd.groupby(df["date"]).rank(pct=True) - 0.5
    return df.dropna(subset=["y"]), feats


def evaluate(frame: pd.DataFrame, col: str) -> dict:
    ic = frame.groupby("date").apply(lambda d: spearmanr(d[col], d["y"]).correlation)
    rebal = np.sort(frame["date"].unique())[::HORIZON]
    f = frame[frame["date"].isin(rebal)]
    q = f.groupby("date")[col].transform(lambda s: pd.qcut(s.rank(method="first"), 5, labels=False))
    ls = f[q == 4].groupby("date")["fwd_ret"].mean() - f[q == 0].groupby("date")["fwd_ret"].mean()
    ls_net = ls - 2 * 2 * COST_BPS / 1e4
    return {"ic": float(ic.mean()), "ic_pos_frac": float((ic > 0).mean()),
            "q5_q1_sharpe_net": float(ls_net.mean() / ls_net.std() * np.sqrt(252 / HORIZON))}


def main():
    np.random.seed(SEED)
    raw = pd.read_parquet("data/russell1000_ohlcv.parquet")
    raw["date"] = pd.to_datetime(raw["date"])
    raw = raw.sort_values(["ticker", "date"]).reset_index(drop=True)
    df, feats = build(raw)

    train = df[df["date"] <= TRAIN_END]
    valid = df[(df["date"] >= VALID_START) & (df["date"] <= VALID_END)]
    test = df[df["date"] >= TEST_START].copy()

    model = xgb.XGBRegressor(n_estimators=3000, learning_rate=0.02, max_depth=5, subsample=0.7,
                             colsample_bytree=0.8, min_child_weight=300, reg_lambda=10.0,
                             tree_method="hist", early_stopping_rounds=150, random_state=SEED)
    model.fit(train[feats], train["y"], eval_set=[(valid[feats], valid["y"])], verbose=250)
    print("best iteration:", model.best_iteration)

    test["pred"] = model.predict(test[feats])
    test["rev_5"] = -test["ret_5"]
    report = {c: evaluate(test, c) for c in ["pred", "rev_5"]}
    print(json.dumps(report, indent=2))
    model.save_model("xs_xgb_h3.json")


if __name__ == "__main__":
    main()
