"""Weekly category-units forecaster selection and final scoring."""
import json
from functools import partial

import numpy as np
import pandas as pd
from lightgbm import LGBMRegressor
from sklearn.linear_model import RidgeCV

from tsbench.backtest import expanding_backtest, mase, smape
from tsbench.models import DirectLagModel, Drift, SeasonalNaive

H = 13
SEED = 0

CANDIDATES = {
    "seasonal_naive": SeasonalNaive,
    "drift": Drift,
    "ridge_direct": partial(DirectLagModel, lambda: RidgeCV(alphas=np.logspace(-2, 3, 12))),
    "lgbm_direct": partial(DirectLagModel, lambda: LGBMRegressor(n_estimators=300, learning_rate=0.05,
                                                                 num_leaves=7, min_child_samples=5,
                                                                 random_state=SEED, verbose=-1)),
}


def fit_and_forecast(factory, y, h):
    return factory().fit(y, h).predict(h)


def main():
    weekly = pd.read_csv("data/category_weekly_units.csv", parse_dates=["week"], index_col="week")["units"]
    y = np.log1p(weekly.asfreq("W-SUN").fillna(0).to_numpy())
    dev, test = y[:-H], y[-H:]

    leaderboard = {}
    for name, factory in CANDIDATES.items():
        folds = expanding_backtest(factory, dev, horizon=H, n_folds=6, min_train=104)
        leaderboard[name] = {k: float(np.mean([f[k] for f in folds])) for k in ("smape", "mase")}
    board = pd.DataFrame(leaderboard).T.sort_values("mase")
    print("backtest on development period:\n", board.round(3))
    chosen = board.index[0]

    actual = np.expm1(test)
    final = {}
    for name in {chosen, "seasonal_naive"}:
        fc = np.expm1(fit_and_forecast(CANDIDATES[name], dev, H))
        final[name] = {"smape": smape(actual, fc), "mase": mase(actual, fc, np.expm1(dev)),
                       "mae": float(np.mean(np.abs(actual - fc)))}
    print(f"chosen by backtest: {chosen}")
    print(json.dumps(final, indent=2))
    with open("reports/selection.json", "w") as fh:
        json.dump({"backtest": leaderboard, "chosen": chosen, "test": final}, fh, indent=2)


if __name__ == "__main__":
    main()
