"""Next-month reported claim counts per region - XGBoost with expanding-window CV."""
import itertools

import numpy as np
import yaml
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import TimeSeriesSplit
from xgboost import XGBRegressor

from features import add_lag_features, monthly_counts

cfg = yaml.safe_load(open("config.yaml"))
m = add_lag_features(monthly_counts(cfg["data"]["fnol"], cfg["data"]["exposure"]),
                     cfg["lags"], cfg["rolling_windows"])
features = [c for c in m.columns if c.startswith(("lag_", "roll_mean_"))] + ["month_of_year", "pif_k", "region_code"]

months = np.sort(m["month"].unique())
test_months = months[-cfg["holdout_months"]:]
dev = m[~m["month"].isin(test_months)]
test = m[m["month"].isin(test_months)]
dev_months = np.sort(dev["month"].unique())


def cv_mae(params):
    maes = []
    for tr_idx, va_idx in TimeSeriesSplit(n_splits=cfg["cv_splits"]).split(dev_months):
        tr = dev[dev["month"].isin(dev_months[tr_idx])]
        va = dev[dev["month"].isin(dev_months[va_idx])]
        model = XGBRegressor(**cfg["xgb_fixed"], **params, random_state=cfg["seed"])
        model.fit(tr[features], tr["n_claims"])
        maes.append(mean_absolute_error(va["n_claims"], model.predict(va[features])))
    return float(np.mean(maes))


results = {}
for depth, lr in itertools.product(cfg["grid"]["max_depth"], cfg["grid"]["learning_rate"]):
    results[(depth, lr)] = cv_mae({"max_depth": depth, "learning_rate": lr})
    print(f"max_depth={depth} lr={lr}: CV MAE {results[(depth, lr)]:.2f}")
best_depth, best_lr = min(results, key=results.get)

final = XGBRegressor(**cfg["xgb_fixed"], max_depth=best_depth, learning_rate=best_lr, random_state=cfg["seed"])
final.fit(dev[features], dev["n_claims"])
pred = final.predict(test[features])
print(f"holdout {str(test_months[0])[:7]}..{str(test_months[-1])[:7]}  "
      f"MAE {mean_absolute_error(test['n_claims'], pred):.2f}  "
      f"naive lag-1 MAE {mean_absolute_error(test['n_claims'], test['lag_1']):.2f}")
final.save_model("models/claim_count_xgb.json")
