"""Soybean field yield (bu/ac), 2022 season, 2,900 fields from 410 farms.

Fields of the same farm share management, so all splits are grouped by farm_id.
"""
import logging

import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GroupKFold, GroupShuffleSplit
from xgboost import XGBRegressor

logging.basicConfig(level=logging.INFO, format="%(message)s")
say = logging.getLogger("yield").info

SEED = 97
NUMERIC = ["om_pct", "ph", "cec", "slope_pct", "twi", "gdd_may_sep", "precip_jun_aug_mm",
           "planting_doy", "seeding_rate_k", "row_width_in", "ndvi_peak", "ndvi_auc"]
TE_COLS = ["soil_series", "variety"]


def fold_target_encode(fit_df, apply_df, cols, target, k=30):
    """Smoothed mean-target encoding learned on fit_df only, applied to apply_df."""
    prior = fit_df[target].mean()
    enc = apply_df.copy()
    for c in cols:
        st = fit_df.groupby(c)[target].agg(["mean", "count"])
        smooth = (st["mean"] * st["count"] + prior * k) / (st["count"] + k)
        enc[f"{c}_te"] = apply_df[c].map(smooth).fillna(prior).astype(float)
    return enc


def design(fit_df, apply_df):
    enc = fold_target_encode(fit_df, apply_df, TE_COLS, "yield_bu_ac")
    return enc[NUMERIC + [f"{c}_te" for c in TE_COLS]]


def xgb(n_estimators=4000):
    return XGBRegressor(n_estimators=n_estimators, learning_rate=0.02, max_depth=4, subsample=0.8,
                        colsample_bytree=0.8, min_child_weight=4, reg_lambda=3.0, early_stopping_rounds=150,
                        random_state=SEED)


def main():
    fields = pd.read_csv("data/fields_2022.csv")
    fields = fields[fields["yield_bu_ac"].between(5, 110)]

    outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    dev_ix, test_ix = next(outer.split(fields, groups=fields["farm_id"]))
    dev, test = fields.iloc[dev_ix].reset_index(drop=True), fields.iloc[test_ix].reset_index(drop=True)

    # grouped CV on the development farms: each fold encodes with its own training part,
    # and early-stops on its own held-out farms
    rounds, cv_rmse = [], []
    for tr, va in GroupKFold(n_splits=5).split(dev, groups=dev["farm_id"]):
        a, b = dev.iloc[tr], dev.iloc[va]
        m = xgb()
        m.fit(design(a, a), a["yield_bu_ac"], eval_set=[(design(a, b), b["yield_bu_ac"])], verbose=False)
        rounds.append(m.best_iteration + 1)
        cv_rmse.append(mean_squared_error(b["yield_bu_ac"], m.predict(design(a, b))) ** 0.5)
    say(f"grouped CV RMSE {np.mean(cv_rmse):.2f} +/- {np.std(cv_rmse):.2f}, rounds {rounds}")

    final = XGBRegressor(**{**xgb().get_params(), "n_estimators": int(np.median(rounds)),
                            "early_stopping_rounds": None})
    final.fit(design(dev, dev), dev["yield_bu_ac"])
    pred = final.predict(design(dev, test))
    base = np.full(len(test), dev["yield_bu_ac"].mean())
    y = test["yield_bu_ac"]
    say(f"test farms: RMSE {mean_squared_error(y, pred) ** 0.5:.2f}  MAE {mean_absolute_error(y, pred):.2f}  "
        f"R2 {r2_score(y, pred):.3f}")
    say(f"mean baseline: RMSE {mean_squared_error(y, base) ** 0.5:.2f}  MAE {mean_absolute_error(y, base):.2f}")


if __name__ == "__main__":
    main()
