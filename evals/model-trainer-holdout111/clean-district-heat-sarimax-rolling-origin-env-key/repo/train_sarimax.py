"""Daily heat demand model: SARIMAX with heating degree days from the D-1 06Z temperature forecast."""
import warnings

import numpy as np
import pandas as pd
from statsmodels.tsa.statespace.sarimax import SARIMAX

warnings.filterwarnings("ignore", category=UserWarning)
TRAIN_END = "2022-06-30"
BASE_TEMP = 17.0


def daily_exog(fc_path, holidays_path):
    fc = pd.read_csv(fc_path, parse_dates=["run", "valid"])
    # forecast for day D taken from the run on D-1 (what dispatch actually had)
    fc["day"] = fc["valid"].dt.tz_convert("Europe/Copenhagen").dt.tz_localize(None).dt.normalize()
    fc = fc[fc["day"] == fc["run"].dt.tz_localize(None).dt.normalize() + pd.Timedelta(days=1)]
    t = fc.groupby("day")["temp_fc_c"].mean()
    hol = pd.to_datetime(pd.read_csv(holidays_path)["date"])
    ex = pd.DataFrame({"hdd": (BASE_TEMP - t).clip(lower=0)})
    ex["hdd_sq"] = ex["hdd"] ** 2
    ex["holiday"] = ex.index.isin(hol).astype(float)
    return ex


def main():
    heat = pd.read_csv("data/heat_output_daily.csv", parse_dates=["date"], index_col="date")["heat_mwh"]
    heat = heat.asfreq("D")
    exog = daily_exog("data/dmi_temp_fc.csv", "data/dk_holidays.csv").reindex(heat.index)
    ok = heat.notna() & exog.notna().all(axis=1)
    print(f"dropping {(~ok).sum()} days with missing data")
    heat, exog = heat.where(ok), exog.ffill()

    y_tr, X_tr = heat.loc[:TRAIN_END], exog.loc[:TRAIN_END]
    y_te, X_te = heat.loc[TRAIN_END:].iloc[1:], exog.loc[TRAIN_END:].iloc[1:]

    model = SARIMAX(y_tr, exog=X_tr, order=(1, 0, 1), seasonal_order=(1, 0, 1, 7), trend="c")
    res = model.fit(disp=False, maxiter=200)
    print(res.summary().tables[1])

    # rolling origin: one-day-ahead forecasts, parameters frozen, state updated with each observed day
    preds = []
    for day in y_te.index:
        fc = res.forecast(steps=1, exog=X_te.loc[[day]])
        preds.append(fc.iloc[0])
        res = res.extend(y_te.loc[[day]], exog=X_te.loc[[day]])
    pred = pd.Series(preds, index=y_te.index)

    mask = y_te.notna()
    err = (y_te - pred)[mask]
    mape = (err.abs() / y_te[mask]).mean()
    naive = (y_te - y_te.shift(7))[mask].abs().mean()
    print(f"test {y_te.index.min():%Y-%m-%d}..{y_te.index.max():%Y-%m-%d}: "
          f"MAE {err.abs().mean():.1f} MWh  MAPE {mape:.2%}  (weekly naive MAE {naive:.1f})")
    pd.DataFrame({"actual": y_te, "forecast": pred}).to_csv("sarimax_test_forecasts.csv")


if __name__ == "__main__":
    main()
