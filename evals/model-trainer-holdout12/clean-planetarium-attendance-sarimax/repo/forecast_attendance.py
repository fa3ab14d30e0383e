"""Weekly planetarium attendance: SARIMAX with school-holiday / sky-event regressors.

Order selection uses AIC on the training weeks only; the last 52 weeks are a chronological hold-out scored
once against a seasonal-naive baseline. After scoring, the chosen specification is refit on all weeks to
produce the next-quarter forecast for the box office (that refit is not evaluated).
"""
import argparse
import itertools
import json
import warnings

import numpy as np
import pandas as pd
import statsmodels.api as sm
from statsmodels.tsa.seasonal import STL

warnings.filterwarnings("ignore", category=sm.tools.sm_exceptions.ConvergenceWarning)

EXOG = ["school_holiday_days", "meteor_shower", "eclipse_or_comet", "new_show_launch"]
HOLDOUT_WEEKS = 52


def load(path):
    df = pd.read_csv(path, parse_dates=["week"]).set_index("week").asfreq("W-MON")
    df["log_visits"] = np.log1p(df["visits"])
    return df


def eda(df):
    # descriptive only: decomposition of the whole history for the annual report figure
    stl = STL(df["log_visits"], period=52, robust=True).fit()
    print("seasonal amplitude (log):", round(stl.seasonal.max() - stl.seasonal.min(), 3))
    print(df["visits"].describe())


def select_order(y, X):
    best = None
    for p, q, P, Q in itertools.product((0, 1, 2), (0, 1), (0, 1), (0, 1)):
        try:
            res = sm.tsa.SARIMAX(y, exog=X, order=(p, 1, q), seasonal_order=(P, 0, Q, 52),
                                 enforce_stationarity=False).fit(disp=False)
        except (ValueError, np.linalg.LinAlgError):
            continue
        if best is None or res.aic < best[0]:
            best = (res.aic, (p, 1, q), (P, 0, Q, 52))
    return best


def scores(actual, pred):
    err = actual - pred
    return {"mae": float(np.abs(err).mean()), "rmse": float(np.sqrt((err ** 2).mean())),
            "mape": float((np.abs(err) / actual).mean())}


def main(args):
    df = load(args.csv)
    eda(df)
    train, hold = df.iloc[:-HOLDOUT_WEEKS], df.iloc[-HOLDOUT_WEEKS:]

    aic, order, sorder = select_order(train["log_visits"], train[EXOG])
    print(f"chosen SARIMAX{order}x{sorder} (train AIC {aic:.1f})")
    fit = sm.tsa.SARIMAX(train["log_visits"], exog=train[EXOG], order=order, seasonal_order=sorder,
                         enforce_stationarity=False).fit(disp=False)
    fc = np.expm1(fit.get_forecast(steps=len(hold), exog=hold[EXOG]).predicted_mean)

    # seasonal naive: same week last year
    naive = df["visits"].shift(52).iloc[-HOLDOUT_WEEKS:]
    report = {"sarimax": scores(hold["visits"].to_numpy(), fc.to_numpy()),
              "seasonal_naive": scores(hold["visits"].to_numpy(), naive.to_numpy())}
    print(json.dumps(report, indent=2))

    # production forecast: same spec refit on the full history
    full = sm.tsa.SARIMAX(df["log_visits"], exog=df[EXOG], order=order, seasonal_order=sorder,
                          enforce_stationarity=False).fit(disp=False)
    future_exog = pd.read_csv(args.future_exog, parse_dates=["week"]).set_index("week")[EXOG]
    nxt = np.expm1(full.get_forecast(steps=len(future_exog), exog=future_exog).predicted_mean)
    nxt.rename("visits_forecast").to_csv(args.out)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="weekly_attendance.csv")
    ap.add_argument("--future-exog", default="next_quarter_calendar.csv")
    ap.add_argument("--out", default="forecast_next_quarter.csv")
    main(ap.parse_args())
