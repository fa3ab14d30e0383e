import pandas as pd


def build(orders: pd.DataFrame, weather: pd.DataFrame, horizon: int) -> pd.DataFrame:
    df = orders.merge(weather, on=["city", "ts"], how="left").sort_values(["store_id", "ts"])
    df["hour"] = df["ts"].dt.hour
    df["dow"] = df["ts"].dt.dayofweek
    df["is_weekend"] = (df["dow"] >= 5).astype(int)
    g = df.groupby("store_id")["orders"]
    for lag in (horizon, horizon + 24, 168, 336):
        df[f"lag_{lag}h"] = g.shift(lag)
    df["same_hour_last_4w"] = sum(g.shift(168 * k) for k in range(1, 5)) / 4
    df["roll_24h_at_origin"] = g.transform(lambda s: s.shift(horizon).rolling(24).mean())
    df["store_id"] = df["store_id"].astype("category")
    return df.dropna(subset=["lag_336h"])


def split(df: pd.DataFrame, valid_days: int, test_days: int):
    end = df["ts"].max()
    test_start = end - pd.Timedelta(days=test_days) + pd.Timedelta(hours=1)
    valid_start = test_start - pd.Timedelta(days=valid_days)
    return (df[df["ts"] < valid_start],
            df[(df["ts"] >= valid_start) & (df["ts"] < test_start)],
            df[df["ts"] >= test_start])
