import argparse
import itertools

import lightgbm as lgb
import numpy as np
from sklearn.metrics import mean_absolute_percentage_error

from features import FEATURES, add_features, load_panel, month_folds

ap = argparse.ArgumentParser()
ap.add_argument("--panel", default="data/zori_zip_monthly.csv")
ap.add_argument("--test-months", type=int, default=6)
ap.add_argument("--seed", type=int, default=7)
args = ap.parse_args()

df = add_features(load_panel(args.panel)).dropna(subset=FEATURES + ["target"])
months = np.sort(df["month"].unique())
test_months = months[-args.test_months:]
dev = df[~df["month"].isin(test_months)]
test = df[df["month"].isin(test_months)]
print(f"dev {dev['month'].min():%Y-%m}..{dev['month'].max():%Y-%m}  "
      f"test {test['month'].min():%Y-%m}..{test['month'].max():%Y-%m}")


def model_for(num_leaves, lr):
    return lgb.LGBMRegressor(n_estimators=600, learning_rate=lr, num_leaves=num_leaves,
                             min_child_samples=50, subsample=0.8, subsample_freq=1,
                             colsample_bytree=0.8, random_state=args.seed, verbose=-1)


def to_rent(frame, pred_log_growth):
    return frame["rent_lag_1"].to_numpy() * np.exp(pred_log_growth)


scores = {}
for leaves, lr in itertools.product([15, 31, 63], [0.02, 0.05]):
    fold_mape = []
    for tr_m, va_m in month_folds(dev["month"].unique()):
        tr, va = dev[dev["month"].isin(tr_m)], dev[dev["month"].isin(va_m)]
        m = model_for(leaves, lr).fit(tr[FEATURES], tr["target"])
        fold_mape.append(mean_absolute_percentage_error(va["rent"], to_rent(va, m.predict(va[FEATURES]))))
    scores[(leaves, lr)] = np.mean(fold_mape)
    print(f"leaves={leaves:3d} lr={lr:.2f}  CV MAPE={scores[(leaves, lr)]:.4f}")

best = min(scores, key=scores.get)
final = model_for(*best).fit(dev[FEATURES], dev["target"])
test_mape = mean_absolute_percentage_error(test["rent"], to_rent(test, final.predict(test[FEATURES])))
naive_mape = mean_absolute_percentage_error(test["rent"], test["rent_lag_1"])
print(f"best={best}  test MAPE={test_mape:.4f}  (carry-forward baseline {naive_mape:.4f})")
