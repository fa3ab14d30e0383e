"""Sector ETF rotation: predict whether each sector beats SPY over the next week.

Positions are taken in the sectors whose predicted probability clears a cutoff and are
held for five trading days. Costs are charged on weekly rebalances.
"""
import json

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score

SEED = 11
HORIZON = 5
COST_BPS = 3.0
SECTORS = ["XLB", "XLE", "XLF", "XLI", "XLK", "XLP", "XLU", "XLV", "XLY"]


def load_prices(path="data/sector_etfs_daily.csv"):
    px = pd.read_csv(path, parse_dates=["date"])
    return px.pivot(index="date", columns="ticker", values="adj_close").sort_index()


def make_panel(px: pd.DataFrame) -> pd.DataFrame:
    rel = px[SECTORS].div(px["SPY"], axis=0)
    rows = []
    for t in SECTORS:
        f = pd.DataFrame(index=px.index)
        f["ticker"] = t
        for w in (5, 21, 63, 126):
            f[f"rel_mom_{w}"] = rel[t].pct_change(w)
        r = px[t].pct_change()
        f["vol_21"] = r.rolling(21).std()
        f["beta_63"] = r.rolling(63).cov(px["SPY"].pct_change()) / px["SPY"].pct_change().rolling(63).var()
        f["dist_ma50"] = px[t] / px[t].rolling(50).mean() - 1
        f["spy_mom_21"] = px["SPY"].pct_change(21)
        fwd_excess = px[t].shift(-HORIZON) / px[t] - px["SPY"].shift(-HORIZON) / px["SPY"]
        f["fwd_excess"] = fwd_excess
        f["y"] = (fwd_excess > 0).astype(int)
        rows.append(f)
    panel = pd.concat(rows).dropna().reset_index().rename(columns={"index": "date"})
    return panel.sort_values(["date", "ticker"]).reset_index(drop=True)


def weekly_strategy_returns(frame: pd.DataFrame, prob: np.ndarray, cutoff: float) -> pd.Series:
    frame = frame.assign(prob=prob)
    rebal_dates = frame["date"].drop_duplicates().iloc[::HORIZON]
    frame = frame[frame["date"].isin(rebal_dates)]
    held = frame[frame["prob"] > cutoff]
    gross = held.groupby("date")["fwd_excess"].mean().reindex(rebal_dates, fill_value=0.0)
    n_held = held.groupby("date").size().reindex(rebal_dates, fill_value=0)
    turnover = n_held.diff().abs().fillna(n_held.iloc[0]) / len(SECTORS)
    return gross - turnover * 2 * COST_BPS / 1e4


def sharpe(r: pd.Series) -> float:
    return float(r.mean() / r.std() * np.sqrt(252 / HORIZON)) if r.std() > 0 else 0.0


def main():
    px = load_prices()
    panel = make_panel(px)
    feats = [c for c in panel.columns if c not in ("date", "fwd_excess", "y")]

    train = panel[panel["date"] < "2017-01-01"]
    valid = panel[(panel["date"] >= "2017-01-15") & (panel["date"] < "2019-12-15")]
    test = panel[panel["date"] >= "2020-01-01"].reset_index(drop=True)

    model = CatBoostClassifier(
        iterations=3000, learning_rate=0.03, depth=4, l2_leaf_reg=10,
        loss_function="Logloss", eval_metric="AUC", random_seed=SEED,
        od_type="Iter", od_wait=200, verbose=250,
    )
    model.fit(
        Pool(train[feats], train["y"], cat_features=["ticker"]),
        eval_set=Pool(valid[feats], valid["y"], cat_features=["ticker"]),
        use_best_model=True,
    )
    p_test = model.predict_proba(test[feats])[:, 1]

    num = [c for c in feats if c != "ticker"]
    mu, sd = train[num].mean(), train[num].std()
    logit = LogisticRegression(C=0.5, max_iter=1000).fit((train[num] - mu) / sd, train["y"])
    p_logit = logit.predict_proba((test[num] - mu) / sd)[:, 1]

    sweep = {}
    for cutoff in np.arange(0.40, 0.66, 0.01):
        sweep[round(float(cutoff), 2)] = sharpe(weekly_strategy_returns(test, p_test, cutoff))
    best_cutoff = max(sweep, key=sweep.get)

    report = {
        "auc_catboost": roc_auc_score(test["y"], p_test),
        "auc_logit": roc_auc_score(test["y"], p_logit),
        "logloss_catboost": log_loss(test["y"], p_test),
        "best_cutoff": best_cutoff,
        "sharpe_catboost": sweep[best_cutoff],
        "sharpe_logit": sharpe(weekly_strategy_returns(test, p_logit, best_cutoff)),
        "sharpe_equal_weight": sharpe(weekly_strategy_returns(test, np.ones(len(test)), 0.0)),
    }
    print(json.dumps(report, indent=2))
    model.save_model("sector_rotation.cbm")


if __name__ == "__main__":
    main()
