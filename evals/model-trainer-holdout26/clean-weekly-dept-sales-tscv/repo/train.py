import json
import os

import lightgbm as lgb
import numpy as np
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import TimeSeriesSplit

import config as C
from features import add_dept_profile, add_lags, load_panel, wmae

BASE_FEATS = ["store", "dept", "store_type", "size", "weekofyear", "month", "is_holiday",
              "temperature", "fuel_price", "markdown_total", "roll4_mean"] + [f"lag_{k}" for k in C.LAGS]
FEATS = BASE_FEATS + ["dept_woy_mean"]


def main():
    np.random.seed(C.SEED)
    panel = add_lags(load_panel(C.DATA_DIR), C.LAGS).dropna(subset=["lag_1", "lag_4"])
    weeks = np.sort(panel["week"].unique())
    test_weeks = weeks[-C.TEST_WEEKS:]
    dev = panel[panel["week"] < test_weeks[0]]
    test = panel[panel["week"] >= test_weeks[0]]

    dev_weeks = np.sort(dev["week"].unique())
    tscv = TimeSeriesSplit(n_splits=C.N_FOLDS, test_size=8, gap=C.GAP_WEEKS)
    fold_scores, best_iters = [], []
    for fold, (tr_w, va_w) in enumerate(tscv.split(dev_weeks)):
        tr = dev[dev["week"].isin(dev_weeks[tr_w])]
        va = dev[dev["week"].isin(dev_weeks[va_w])]
        tr, va = add_dept_profile(tr, va)
        booster = lgb.train(
            C.LGB_PARAMS,
            lgb.Dataset(tr[FEATS], tr["sales"]),
            num_boost_round=5000,
            valid_sets=[lgb.Dataset(va[FEATS], va["sales"])],
            callbacks=[lgb.early_stopping(150, verbose=False)],
        )
        pred = booster.predict(va[FEATS], num_iteration=booster.best_iteration)
        naive = va["lag_52"].fillna(va["lag_1"]).to_numpy()
        fold_scores.append({
            "fold": fold,
            "wmae": wmae(va["sales"].to_numpy(), pred, va["is_holiday"].to_numpy()),
            "wmae_naive52": wmae(va["sales"].to_numpy(), naive, va["is_holiday"].to_numpy()),
        })
        best_iters.append(booster.best_iteration)
        print(fold_scores[-1], "best_iter", booster.best_iteration)

    n_rounds = int(np.mean(best_iters))
    dev_f, test_f = add_dept_profile(dev, test)
    final = lgb.train(C.LGB_PARAMS, lgb.Dataset(dev_f[FEATS], dev_f["sales"]), num_boost_round=n_rounds)
    os.makedirs("models", exist_ok=True)
    final.save_model("models/lgb_weekly.txt")

    y = test_f["sales"].to_numpy()
    hol = test_f["is_holiday"].to_numpy()
    pred = final.predict(test_f[FEATS])
    naive = test_f["lag_52"].fillna(test_f["lag_1"]).to_numpy()
    report = {
        "cv": fold_scores,
        "n_rounds": n_rounds,
        "test": {
            "lgbm": {"wmae": wmae(y, pred, hol), "mae": mean_absolute_error(y, pred),
                     "rmse": mean_squared_error(y, pred) ** 0.5},
            "seasonal_naive": {"wmae": wmae(y, naive, hol), "mae": mean_absolute_error(y, naive),
                               "rmse": mean_squared_error(y, naive) ** 0.5},
        },
    }
    print(json.dumps(report, indent=2, default=str))


if __name__ == "__main__":
    main()
