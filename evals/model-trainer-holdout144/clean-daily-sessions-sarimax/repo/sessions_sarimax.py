"""Daily sessions forecast with SARIMAX + marketing/calendar regressors.

Used for the weekly traffic review; compares against a seasonal-naive baseline.
"""
import itertools
import warnings

import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_percentage_error
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from statsmodels.tsa.statespace.sarimax import SARIMAX

warnings.filterwarnings("ignore", category=UserWarning)

HOLDOUT_DAYS = 28
EXOG = ["paid_spend_usd", "email_sends", "push_sends", "is_holiday", "promo_active"]

daily = (
    pd.read_csv("data/daily_sessions.csv", parse_dates=["date"])
    .set_index("date")
    .asfreq("D")
)
daily["sessions"] = daily["sessions"].interpolate()
daily[EXOG] = daily[EXOG].fillna(0)
daily["log_sessions"] = np.log(daily["sessions"])

# chronological holdout: last four weeks, no shuffling
train, test = train_test_split(daily, test_size=HOLDOUT_DAYS, shuffle=False)
print(f"train {train.index.min():%Y-%m-%d}..{train.index.max():%Y-%m-%d}, "
      f"test {test.index.min():%Y-%m-%d}..{test.index.max():%Y-%m-%d}")

scaler = StandardScaler().fit(train[EXOG])
ex_train = pd.DataFrame(scaler.transform(train[EXOG]), index=train.index, columns=EXOG)
ex_test = pd.DataFrame(scaler.transform(test[EXOG]), index=test.index, columns=EXOG)

# small order search by AIC
best = None
for p, q, P, Q in itertools.product([0, 1, 2], [0, 1, 2], [0, 1], [0, 1]):
    try:
        res = SARIMAX(
            train["log_sessions"], exog=ex_train, order=(p, 1, q), seasonal_order=(P, 1, Q, 7),
            enforce_stationarity=False, enforce_invertibility=False,
        ).fit(disp=False, maxiter=200)
    except np.linalg.LinAlgError:
        continue
    if best is None or res.aic < best[0]:
        best = (res.aic, (p, 1, q), (P, 1, Q, 7), res)
aic, order, seasonal, fitted = best
print(f"selected SARIMAX{order}x{seasonal}  AIC={aic:.1f}")

fc = fitted.get_forecast(steps=HOLDOUT_DAYS, exog=ex_test)
pred = np.exp(fc.predicted_mean)
ci = np.exp(fc.conf_int(alpha=0.2))

naive = np.tile(train["sessions"].iloc[-7:].to_numpy(), HOLDOUT_DAYS // 7)  # repeat last train week
print(f"holdout MAPE  SARIMAX {mean_absolute_percentage_error(test['sessions'], pred):.3%}   "
      f"seasonal-naive {mean_absolute_percentage_error(test['sessions'], naive):.3%}")

out = pd.DataFrame({"actual": test["sessions"], "forecast": pred,
                    "lo80": ci.iloc[:, 0], "hi80": ci.iloc[:, 1]})
out.to_csv("reports/sessions_holdout_forecast.csv")
