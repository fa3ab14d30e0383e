"""ADR model for the rate-shopping dashboard (confirmed stays only)."""
import sys

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error

from pipeline.features import align_categories, load_confirmed_stays, to_lgb_frame

cfg = yaml.safe_load(open(sys.argv[1] if len(sys.argv) > 1 else "conf/adr.yaml"))
params = {**cfg["lgbm"], "seed": cfg["seed"]}
cat, num = cfg["categorical"], cfg["numeric"]

df = load_confirmed_stays(cfg["data"]).sort_values("arrival_date")
t_end, v_end = pd.Timestamp(cfg["periods"]["train_end"]), pd.Timestamp(cfg["periods"]["valid_end"])
train = df[df["arrival_date"] <= t_end]
valid = df[(df["arrival_date"] > t_end) & (df["arrival_date"] <= v_end)]
test = df[df["arrival_date"] > v_end]
print(f"train {len(train)} | valid {len(valid)} | test {len(test)}")

X_tr = to_lgb_frame(train, cat, num)
X_va = align_categories(to_lgb_frame(valid, cat, num), X_tr, cat)

booster = lgb.train(
    params,
    lgb.Dataset(X_tr, train["adr"]),
    num_boost_round=cfg["num_boost_round"],
    valid_sets=[lgb.Dataset(X_va, valid["adr"])],
    callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(250)],
)
best_rounds = booster.best_iteration
va_mae = mean_absolute_error(valid["adr"], booster.predict(X_va, num_iteration=best_rounds))
print(f"best rounds {best_rounds}, valid MAE {va_mae:.2f}")

# refit on train+valid so the final model sees the most recent season
trval = pd.concat([train, valid])
X_trval = to_lgb_frame(trval, cat, num)
final = lgb.train(params, lgb.Dataset(X_trval, trval["adr"]), num_boost_round=best_rounds)

X_te = align_categories(to_lgb_frame(test, cat, num), X_trval, cat)
te_pred = final.predict(X_te)
te_mae = mean_absolute_error(test["adr"], te_pred)
naive_mae = mean_absolute_error(test["adr"], np.full(len(test), trval["adr"].median()))
print(f"test MAE {te_mae:.2f} EUR (median baseline {naive_mae:.2f})")
final.save_model("adr_lgbm.txt")
