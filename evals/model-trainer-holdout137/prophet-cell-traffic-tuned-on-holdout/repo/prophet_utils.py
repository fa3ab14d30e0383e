import numpy as np
import pandas as pd
from prophet import Prophet


def load_cell_series(path: str, cell_id: str) -> pd.DataFrame:
    raw = pd.read_csv(path, parse_dates=["timestamp"])
    s = raw.loc[raw["cell_id"] == cell_id, ["timestamp", "dl_volume_gb"]]
    s = s.set_index("timestamp").sort_index()["dl_volume_gb"].asfreq("h")
    s = s.ffill(limit=2)
    return s.rename_axis("ds").reset_index(name="y").dropna()


def make_model(params: dict, country: str) -> Prophet:
    m = Prophet(
        daily_seasonality=True,
        weekly_seasonality=True,
        yearly_seasonality=False,
        uncertainty_samples=0,
        **params,
    )
    m.add_country_holidays(country_name=country)
    return m


def wape(y_true, y_pred) -> float:
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    return float(np.abs(y_true - y_pred).sum() / np.abs(y_true).sum())


def fit_and_score(train_df, eval_df, params, country):
    m = make_model(params, country)
    m.fit(train_df)
    fc = m.predict(eval_df[["ds"]])
    return wape(eval_df["y"], fc["yhat"].clip(lower=0)), m
