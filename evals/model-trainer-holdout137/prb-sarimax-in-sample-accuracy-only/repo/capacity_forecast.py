"""Weekly capacity report for hub cells.

Fits a seasonal ARIMA per cell on hourly DL PRB utilisation (last 8 weeks), forecasts
the next 4 weeks and flags cells whose forecast busy hour crosses the 80% upgrade trigger.
"""
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_percentage_error
from statsmodels.tsa.statespace.sarimax import SARIMAX

warnings.filterwarnings("ignore")

DATA = Path("data/hub_cells_prb_hourly.csv")
OUT = Path("reports/capacity_forecast_week.csv")
HISTORY_DAYS = 56
HORIZON_H = 28 * 24
UPGRADE_TRIGGER = 80.0


def calendar_exog(index: pd.DatetimeIndex, holidays: set) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "is_weekend": (index.dayofweek >= 5).astype(float),
            "is_holiday": index.normalize().isin(holidays).astype(float),
        },
        index=index,
    )


def forecast_cell(y: pd.Series, holidays: set) -> dict:
    exog = calendar_exog(y.index, holidays)
    model = SARIMAX(
        y,
        exog=exog,
        order=(2, 0, 1),
        seasonal_order=(1, 1, 1, 24),
        enforce_stationarity=False,
        enforce_invertibility=False,
    )
    res = model.fit(disp=False, maxiter=200)

    fitted = res.fittedvalues
    mape = mean_absolute_percentage_error(y.iloc[24:], fitted.iloc[24:])

    future_idx = pd.date_range(y.index[-1] + pd.Timedelta(hours=1), periods=HORIZON_H, freq="h")
    fc = res.get_forecast(steps=HORIZON_H, exog=calendar_exog(future_idx, holidays))
    mean = fc.predicted_mean
    daily_bh = mean.groupby(mean.index.normalize()).max()
    breach_days = daily_bh[daily_bh >= UPGRADE_TRIGGER]
    return {
        "mape": mape,
        "aic": res.aic,
        "max_forecast_bh_prb": float(daily_bh.max()),
        "first_breach_date": breach_days.index.min() if len(breach_days) else pd.NaT,
        "days_over_trigger": int(len(breach_days)),
    }


def main():
    df = pd.read_csv(DATA, parse_dates=["timestamp"])
    holidays = set(pd.to_datetime(pd.read_csv("data/public_holidays.csv")["date"]))
    end = df["timestamp"].max().normalize()
    df = df[df["timestamp"] >= end - pd.Timedelta(days=HISTORY_DAYS)]

    rows = []
    for cell_id, g in df.groupby("cell_id"):
        y = (
            g.set_index("timestamp")["prb_util_dl"]
            .sort_index()
            .asfreq("h")
            .interpolate(limit=3)
        )
        if y.isna().any():
            print(f"skip {cell_id}: gaps longer than 3h")
            continue
        out = forecast_cell(y, holidays)
        out["cell_id"] = cell_id
        out["site_id"] = g["site_id"].iloc[0]
        rows.append(out)

    report = pd.DataFrame(rows).sort_values("first_breach_date")
    print(f"cells forecast: {len(report)}")
    print(f"model accuracy (median MAPE across cells): {report['mape'].median():.2%}")
    print(f"cells expected over {UPGRADE_TRIGGER:.0f}% within 4 weeks: {report['first_breach_date'].notna().sum()}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    report.to_csv(OUT, index=False)


if __name__ == "__main__":
    main()
