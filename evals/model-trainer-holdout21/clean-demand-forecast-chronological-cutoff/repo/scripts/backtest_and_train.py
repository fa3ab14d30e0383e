"""Rolling-origin backtest on the training period, then a single fit and a single test evaluation.

    python scripts/backtest_and_train.py --sales data/sales.parquet
"""
import argparse
import json
import logging
from pathlib import Path

import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.model_selection import TimeSeriesSplit

from forecast.features import build
from forecast.metrics import report
from forecast.settings import HORIZON_DAYS, LGBM_PARAMS, SEED, TARGET, TEST_START, VALID_DAYS

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("forecast")
NON_FEATURES = {"date", TARGET}


def fit_lgbm(train: pd.DataFrame, valid: pd.DataFrame, feats: list[str]) -> lgb.LGBMRegressor:
    model = lgb.LGBMRegressor(**LGBM_PARAMS, random_state=SEED, verbose=-1)
    model.fit(train[feats], train[TARGET], eval_set=[(valid[feats], valid[TARGET])],
              callbacks=[lgb.early_stopping(150, verbose=False)])
    return model


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sales", default="data/sales.parquet")
    ap.add_argument("--out", default="artifacts")
    args = ap.parse_args()

    df = build(pd.read_parquet(args.sales))
    feats = [c for c in df.columns if c not in NON_FEATURES]
    history = df[df["date"] < TEST_START]
    test = df[df["date"] >= TEST_START]

    # rolling-origin backtest over whole days of the training history
    days = np.sort(history["date"].unique())
    tss = TimeSeriesSplit(n_splits=4, test_size=HORIZON_DAYS, gap=HORIZON_DAYS)
    for fold, (tr_days, va_days) in enumerate(tss.split(days)):
        tr = history[history["date"].isin(days[tr_days])]
        va = history[history["date"].isin(days[va_days])]
        m = fit_lgbm(tr, va, feats)
        log.info("backtest fold %d (%s..%s) lgbm %s seasonal-naive %s", fold,
                 pd.Timestamp(days[va_days][0]).date(), pd.Timestamp(days[va_days][-1]).date(),
                 report(va[TARGET], m.predict(va[feats])), report(va[TARGET], va[f"lag_{HORIZON_DAYS}"]))

    cutoff = pd.Timestamp(TEST_START) - pd.Timedelta(days=VALID_DAYS)
    fit_part, valid_part = history[history["date"] < cutoff], history[history["date"] >= cutoff]
    model = fit_lgbm(fit_part, valid_part, feats)
    log.info("early stopping picked %d trees on the pre-test validation window", model.best_iteration_)

    results = {
        "lgbm": report(test[TARGET], model.predict(test[feats])),
        "seasonal_naive": report(test[TARGET], test[f"lag_{HORIZON_DAYS}"]),
    }
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, out / "lgbm_forecast.joblib")
    (out / "test_results.json").write_text(json.dumps(results, indent=2))
    log.info("test window from %s: %s", TEST_START, results)


if __name__ == "__main__":
    main()
