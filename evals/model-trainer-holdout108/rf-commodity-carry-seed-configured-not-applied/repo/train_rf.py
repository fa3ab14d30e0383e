"""Weekly commodity futures return model: carry, momentum and basis-momentum into a random forest."""
import json

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestRegressor

with open("config.json") as f:
    cfg = json.load(f)


def weekly_panel(path: str, freq: str):
    raw = pd.read_parquet(path)  # columns: date, root, f1_close, f2_close, f1_days_to_expiry, f2_days_to_expiry, f1_ret
    raw["date"] = pd.to_datetime(raw["date"])
    out = []
    for root, g in raw.groupby("root"):
        g = g.set_index("date").sort_index()
        ann = 365.0 / (g["f2_days_to_expiry"] - g["f1_days_to_expiry"]).clip(lower=20)
        carry = np.log(g["f1_close"] / g["f2_close"]) * ann
        tr = (1 + g["f1_ret"]).cumprod()
        wk = pd.DataFrame({"carry": carry.resample(freq).last(), "tr": tr.resample(freq).last()})
        wk["mom_4"] = wk["tr"].pct_change(4)
        wk["mom_26"] = wk["tr"].pct_change(26)
        wk["mom_52_4"] = wk["tr"].shift(4) / wk["tr"].shift(52) - 1
        f2_tr = (1 + g["f2_close"].pct_change()).cumprod().resample(freq).last()
        wk["basis_mom"] = wk["tr"].pct_change(26) - f2_tr.pct_change(26)
        wk["vol_13"] = wk["tr"].pct_change().rolling(13).std()
        wk["fwd_ret"] = wk["tr"].shift(-1) / wk["tr"] - 1
        wk["root"] = root
        out.append(wk.drop(columns="tr"))
    panel = pd.concat(out).dropna().reset_index()
    feats = ["carry", "mom_4", "mom_26", "mom_52_4", "basis_mom", "vol_13"]
    panel[feats] = panel.groupby("date")[feats].rank(pct=True) - 0.5
    return panel, feats


def ls_returns(df: pd.DataFrame, col: str, cost_bps: float) -> pd.Series:
    w = df.groupby("date")[col].transform(lambda s: s.rank() - s.rank().mean())
    w = w / w.abs().groupby(df["date"]).transform("sum")
    gross = (w * df["fwd_ret"]).groupby(df["date"]).sum()
    turnover = w.groupby(df["root"]).diff().abs().groupby(df["date"]).sum()
    return gross - turnover * cost_bps / 1e4


def block_bootstrap_sharpe(r: pd.Series, n: int, block: int):
    vals, arr = [], r.to_numpy()
    n_blocks = int(np.ceil(len(arr) / block))
    for _ in range(n):
        starts = np.random.randint(0, len(arr) - block, size=n_blocks)
        sample = np.concatenate([arr[s:s + block] for s in starts])[: len(arr)]
        vals.append(sample.mean() / sample.std() * np.sqrt(52))
    return np.percentile(vals, [5, 50, 95])


panel, feats = weekly_panel(cfg["data"]["prices"], cfg["data"]["rebalance"])
sp = cfg["split"]
train = panel[panel["date"] <= sp["train_end"]]
valid = panel[(panel["date"] > sp["train_end"]) & (panel["date"] <= sp["valid_end"])].copy()
test = panel[panel["date"] >= sp["test_start"]].copy()

val_scores = {}
for leaf in cfg["candidate_leafs"]:
    params = {**cfg["rf"], "min_samples_leaf": leaf}
    m = RandomForestRegressor(**params).fit(train[feats], train["fwd_ret"])
    valid["pred"] = m.predict(valid[feats])
    r = ls_returns(valid, "pred", cfg["cost_bps"])
    val_scores[leaf] = r.mean() / r.std()
best_leaf = max(val_scores, key=val_scores.get)
print("validation Sharpe by min_samples_leaf:", val_scores, "-> chosen", best_leaf)

train_full = panel[panel["date"] <= sp["valid_end"]]
model = RandomForestRegressor(**{**cfg["rf"], "min_samples_leaf": best_leaf})
model.fit(train_full[feats], train_full["fwd_ret"])
test["pred"] = model.predict(test[feats])

for col in ["pred", "carry"]:
    r = ls_returns(test, col, cfg["cost_bps"])
    ic = test.groupby("date").apply(lambda d: d[col].corr(d["fwd_ret"], method="spearman"))
    lo, mid, hi = block_bootstrap_sharpe(r, cfg["bootstrap"]["n_samples"], cfg["bootstrap"]["block"])
    print(f"{col:5s} test Sharpe {r.mean() / r.std() * np.sqrt(52):.2f} "
          f"[90% CI {lo:.2f}, {hi:.2f}]  mean IC {ic.mean():.3f}")
