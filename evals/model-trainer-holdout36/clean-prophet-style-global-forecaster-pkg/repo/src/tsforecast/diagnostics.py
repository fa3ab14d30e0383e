import numpy as np
import pandas as pd


def cross_validation(make_model, df, horizon, initial, period):
    """Prophet-style simulated historical forecasts with an expanding training window."""
    first = df["ds"].min() + pd.Timedelta(initial)
    last = df["ds"].max() - pd.Timedelta(days=horizon)
    pieces = []
    for cutoff in pd.date_range(first, last, freq=pd.Timedelta(period)):
        history = df[df["ds"] <= cutoff]
        actual = df[(df["ds"] > cutoff) & (df["ds"] <= cutoff + pd.Timedelta(days=horizon))]
        model = make_model().fit(history)
        fc = model.predict(model.make_future_dataframe(horizon))
        pieces.append(actual.merge(fc, on=["unique_id", "ds"], how="left").assign(cutoff=cutoff))
    return pd.concat(pieces, ignore_index=True)


def performance_metrics(cv: pd.DataFrame) -> pd.DataFrame:
    cv = cv.assign(h=(cv["ds"] - cv["cutoff"]).dt.days, err=cv["y"] - cv["yhat"])
    denom = (cv["y"].abs() + cv["yhat"].abs()).replace(0, np.nan)
    cv["smape"] = 200 * cv["err"].abs() / denom
    return cv.groupby("h").agg(mae=("err", lambda e: e.abs().mean()),
                               rmse=("err", lambda e: np.sqrt((e ** 2).mean())),
                               smape=("smape", "mean"))
