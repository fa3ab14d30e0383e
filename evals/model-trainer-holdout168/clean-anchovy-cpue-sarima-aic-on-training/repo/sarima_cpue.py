"""Monthly purse-seine CPUE (t / fishing day) for Peruvian anchoveta, north-central stock.

Order selection by AIC on 1998-2017, then two checks on 2018-2023:
  * 12-month-ahead forecasts from the end of 2017
  * rolling one-step-ahead forecasts with parameters frozen at the 2017 fit
"""
import itertools
import warnings

import numpy as np
import pandas as pd
from statsmodels.tsa.statespace.sarimax import SARIMAX

warnings.filterwarnings("ignore", category=UserWarning)

TRAIN_END, TEST_START = "2017-12-01", "2018-01-01"


def load(path="data/imarpe_anchoveta_monthly.csv"):
    df = pd.read_csv(path, parse_dates=["month"]).set_index("month").asfreq("MS")
    cpue = df["catch_t"] / df["fishing_days"]
    # closed-season months have no fishing; carry nothing over, model them as missing
    cpue[df["fishing_days"] < 50] = np.nan
    return np.log1p(cpue), df["ssta_nino12"]


def rmse(a, b):
    m = a.notna() & b.notna()
    return float(np.sqrt(np.mean((a[m] - b[m]) ** 2)))


def main():
    y, nino = load()
    exog = nino.rolling(2, min_periods=1).mean().to_frame("nino12")
    y_tr, y_te = y[:TRAIN_END], y[TEST_START:]
    x_tr, x_te = exog[:TRAIN_END], exog[TEST_START:]

    candidates = []
    for p, q, P, Q in itertools.product([0, 1, 2], [0, 1, 2], [0, 1], [0, 1]):
        try:
            r = SARIMAX(y_tr, exog=x_tr, order=(p, 0, q), seasonal_order=(P, 1, Q, 12),
                        trend="n").fit(disp=False, maxiter=300)
            candidates.append(((p, q, P, Q), r.aic))
        except (np.linalg.LinAlgError, ValueError):
            continue
    (p, q, P, Q), best_aic = min(candidates, key=lambda t: t[1])
    print(f"selected SARIMA({p},0,{q})x({P},1,{Q},12) with exog, AIC={best_aic:.1f}")

    res = SARIMAX(y_tr, exog=x_tr, order=(p, 0, q), seasonal_order=(P, 1, Q, 12), trend="n").fit(disp=False)

    # 1) multi-step forecasts from the 2017 origin
    fc = res.get_forecast(steps=len(y_te), exog=x_te).predicted_mean
    # 2) one-step-ahead: same parameters, observations revealed month by month
    res_roll = res.append(y_te, exog=x_te, refit=False)
    one_step = res_roll.fittedvalues[TEST_START:]
    snaive = y.shift(12)[TEST_START:]

    print(f"test 2018-2023 RMSE(log1p CPUE)  multi-step {rmse(y_te, fc):.3f}  "
          f"one-step {rmse(y_te, one_step):.3f}  seasonal-naive {rmse(y_te, snaive):.3f}")

    out = pd.DataFrame({"obs": np.expm1(y_te), "fc_multi": np.expm1(fc), "fc_1step": np.expm1(one_step),
                        "snaive": np.expm1(snaive)})
    out.to_csv("anchoveta_cpue_test_forecasts.csv")


if __name__ == "__main__":
    main()
