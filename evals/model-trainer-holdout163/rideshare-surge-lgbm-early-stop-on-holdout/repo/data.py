import pandas as pd

STEPS_15M = 3  # rows are 5-minute windows per zone


def load_surge_frame(path):
    df = pd.read_parquet(path)
    df = df.sort_values(["pickup_zone_id", "window_start"]).reset_index(drop=True)
    df["hour"] = df["window_start"].dt.hour
    df["dow"] = df["window_start"].dt.dayofweek
    df["supply_demand_ratio"] = df["active_drivers"] / (df["ride_requests"] + 1)

    g = df.groupby("pickup_zone_id")
    df["surge_now"] = df["surge_multiplier"]
    df["requests_lag_15m"] = g["ride_requests"].shift(STEPS_15M)
    df["drivers_lag_15m"] = g["active_drivers"].shift(STEPS_15M)
    df["surge_next_15m"] = g["surge_multiplier"].shift(-STEPS_15M)
    return df.dropna(subset=["requests_lag_15m", "drivers_lag_15m", "surge_next_15m"])


def time_split(df, train_end, test_start):
    train = df[df["window_start"] < pd.Timestamp(train_end)]
    test = df[df["window_start"] >= pd.Timestamp(test_start)]
    return train, test
