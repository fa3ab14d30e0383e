"""Fit candidate signal models on the training years, choose one on validation, report it on test."""
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import ElasticNet, Ridge

import backtest as bt

cfg = yaml.safe_load(open("config.yaml"))
np.random.seed(cfg["seed"])

rets = pd.read_csv(cfg["returns_path"], parse_dates=["date"], index_col="date").sort_index()
sectors = pd.read_csv(cfg["meta_path"], index_col="symbol")["sector"]
cost_bps = sectors.map(cfg["cost_bps"])
vol = bt.ex_ante_vol(rets, cfg["vol_span"])
scaled = rets / (vol / np.sqrt(252))

LOOKBACKS = [5, 21, 63, 126, 252]
feats = {f"mom_{lb}": scaled.rolling(lb).sum() / np.sqrt(lb) for lb in LOOKBACKS}
feats["rev_1"] = scaled
panel = pd.concat({k: v.stack() for k, v in feats.items()}, axis=1)
panel["y"] = scaled.shift(-1).stack().clip(-4, 4)
panel = panel.dropna()
panel.index.names = ["date", "symbol"]
COLS = list(feats)


def period(name):
    lo, hi = cfg["periods"][name]
    d = panel.index.get_level_values("date")
    return panel[(d >= lo) & (d <= hi)]


train = period("train")
candidates = {
    "ridge": Ridge(alpha=10.0),
    "enet": ElasticNet(alpha=1e-3, l1_ratio=0.5, random_state=cfg["seed"]),
    "lgbm": lgb.LGBMRegressor(n_estimators=400, learning_rate=0.02, num_leaves=15,
                              min_child_samples=1000, subsample=0.8, subsample_freq=1,
                              random_state=cfg["seed"], verbose=-1),
}
for m in candidates.values():
    m.fit(train[COLS], train["y"])


def signal_for(model, frame):
    s = pd.Series(model.predict(frame[COLS]), index=frame.index).unstack("symbol")
    return np.tanh(s / s.abs().expanding().median().shift(1).bfill())


def evaluate(name, frame):
    sig = signal_for(candidates[name], frame)
    return bt.stats(bt.run(sig, rets.loc[sig.index], vol.loc[sig.index], cfg["target_vol"], cost_bps))


valid = period("valid")
val_table = pd.DataFrame({name: evaluate(name, valid) for name in candidates}).T
print("validation\n", val_table.round(3))
chosen = val_table["sharpe"].idxmax()

test = period("test")
tsmom = np.sign(test["mom_252"].unstack("symbol"))
result = {
    "chosen_on_validation": chosen,
    "test_chosen": evaluate(chosen, test),
    "test_tsmom_252": bt.stats(bt.run(tsmom, rets.loc[tsmom.index], vol.loc[tsmom.index],
                                      cfg["target_vol"], cost_bps)),
}
print(json.dumps(result, indent=2))
