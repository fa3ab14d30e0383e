"""Weekly loan volume forecast for the central library (staffing of the returns desk).

Train: 2015-W01 .. 2022-W52. Test: the 26 weeks of 2023-H1, forecast in one go from the end of 2022.
Exogenous regressors are known in advance (school-holiday calendar, planned closure days).
"""
import itertools
import json
import logging
import warnings

import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error, mean_squared_error
from statsmodels.tsa.statespace.sarimax import SARIMAX

warnings.filterwarnings("ignore", category=UserWarning)
log = logging.getLogger("loans")

CSV = "data/central_library_loans_daily.csv"
TRAIN_END = "2022-12-31"
HORIZON = 26


def weekly_frame(path):
    daily = pd.read_csv(path, parse_dates=["date"]).set_index("date").sort_index()
    wk = daily.resample("W-SUN").agg({"loans": "sum", "school_holiday": "max", "closed": "sum"})
    wk["loans"] = wk["loans"].replace(0, np.nan).ffill()   # system outage weeks: carry last value forward
    wk["log_loans"] = np.log1p(wk["loans"])
    wk["seasonal_naive"] = wk["loans"].shift(52)            # same week last year (past values only)
    return wk


def select_order(y, exog):
    """Small grid, ranked by AIC on the training window only."""
    best = None
    for p, q, P, Q in itertools.product([0, 1, 2], [0, 1], [0, 1], [0, 1]):
        try:
            res = SARIMAX(y, exog=exog, order=(p, 1, q), seasonal_order=(P, 1, Q, 52),
                          enforce_stationarity=False, enforce_invertibility=False).fit(disp=False)
        except np.linalg.LinAlgError:
            continue
        if best is None or res.aic < best[0]:
            best = (res.aic, (p, 1, q), (P, 1, Q, 52))
    return best


def scores(y, p):
    return {"mae": mean_absolute_error(y, p), "rmse": mean_squared_error(y, p) ** 0.5,
            "mape": mean_absolute_percentage_error(y, p)}


def main():
    wk = weekly_frame(CSV)
    exog_cols = ["school_holiday", "closed"]
    train = wk.loc[:TRAIN_END]
    test = wk.loc[wk.index > TRAIN_END].iloc[:HORIZON]

    aic, order, sorder = select_order(train["log_loans"], train[exog_cols])
    log.info("selected SARIMA%s x %s (AIC %.1f)", order, sorder, aic)
    fit = SARIMAX(train["log_loans"], exog=train[exog_cols], order=order, seasonal_order=sorder,
                  enforce_stationarity=False, enforce_invertibility=False).fit(disp=False)

    fc = np.expm1(fit.get_forecast(steps=len(test), exog=test[exog_cols]).predicted_mean.to_numpy())
    last_value = np.full(len(test), train["loans"].iloc[-1])
    report = {
        "order": [order, sorder],
        "sarimax": scores(test["loans"], fc),
        "seasonal_naive": scores(test["loans"], test["seasonal_naive"]),
        "last_value": scores(test["loans"], last_value),
    }
    print(json.dumps(report, indent=2, default=str))
    fit.save("sarimax_weekly_loans.pkl")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
