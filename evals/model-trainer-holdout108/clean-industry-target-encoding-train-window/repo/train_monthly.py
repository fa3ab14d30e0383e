"""Monthly global equity model: price/fundamental features + encoded industry and country."""
import json

import lightgbm as lgb
import numpy as np
import pandas as pd

from encoders import SmoothedTargetEncoder, out_of_fold_encode

SEED = 4
CATS = ["gics_industry", "country"]
NUMS = ["mom_12_1", "mom_1", "vol_12m", "bm", "ep", "roe", "inv", "log_mcap", "turnover_12m"]
TRAIN_END, VALID_END = "2012-12-31", "2016-12-31"

np.random.seed(SEED)
df = pd.read_parquet("data/global_equity_monthly.parquet")
df["month"] = pd.to_datetime(df["month"])
df = df.dropna(subset=["ret_next_usd"]).sort_values(["month", "permno"]).reset_index(drop=True)
df["y"] = df.groupby("month")["ret_next_usd"].rank(pct=True) - 0.5

train = df[df["month"] <= TRAIN_END].copy()
valid = df[(df["month"] > TRAIN_END) & (df["month"] <= VALID_END)].copy()
test = df[df["month"] > VALID_END].copy()

medians = train[NUMS].median()
for part in (train, valid, test):
    part[NUMS] = part[NUMS].fillna(medians)

enc = SmoothedTargetEncoder(CATS).fit(train[CATS], train["y"])
te_train = out_of_fold_encode(train[CATS], train["y"], CATS, train["month"].dt.year)
te_valid, te_test = enc.transform(valid[CATS]), enc.transform(test[CATS])
X_train = pd.concat([train[NUMS], te_train], axis=1)
X_valid = pd.concat([valid[NUMS], te_valid], axis=1)
X_test = pd.concat([test[NUMS], te_test], axis=1)

model = lgb.LGBMRegressor(n_estimators=5000, learning_rate=0.01, num_leaves=31,
                          min_child_samples=300, subsample=0.8, subsample_freq=1,
                          colsample_bytree=0.8, reg_lambda=5.0, random_state=SEED, verbose=-1)
model.fit(X_train, train["y"], eval_set=[(X_valid, valid["y"])],
          callbacks=[lgb.early_stopping(300), lgb.log_evaluation(500)])

test["pred"] = model.predict(X_test)
test["composite"] = test.groupby("month")[["mom_12_1", "bm", "roe"]].rank(pct=True).mean(axis=1)


def evaluate(col):
    ic = test.groupby("month").apply(lambda d: d[col].corr(d["y"], method="spearman"))
    dec = test.groupby("month")[col].transform(lambda s: pd.qcut(s.rank(method="first"), 10, labels=False))
    spread = (test[dec == 9].groupby("month")["ret_next_usd"].mean()
              - test[dec == 0].groupby("month")["ret_next_usd"].mean()) - 2 * 2 * 10 / 1e4
    return {"mean_ic": round(float(ic.mean()), 4), "ic_t": round(float(ic.mean() / ic.std() * np.sqrt(len(ic))), 2),
            "d10_d1_sharpe_net": round(float(spread.mean() / spread.std() * np.sqrt(12)), 2)}


print(json.dumps({c: evaluate(c) for c in ["pred", "composite"]}, indent=2))
model.booster_.save_model("global_monthly_lgbm.txt")
