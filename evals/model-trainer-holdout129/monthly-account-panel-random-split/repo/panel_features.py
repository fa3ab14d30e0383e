import pandas as pd


def add_lag_features(panel: pd.DataFrame, id_col: str, cols, lags) -> pd.DataFrame:
    g = panel.groupby(id_col, sort=False)
    for lag in lags:
        lagged = g[cols].shift(lag)
        lagged.columns = [f"{c}_lag{lag}" for c in cols]
        panel = pd.concat([panel, lagged], axis=1)
    return panel


def add_rolling_features(panel: pd.DataFrame, id_col: str, cols, windows) -> pd.DataFrame:
    g = panel.groupby(id_col, sort=False)
    for w in windows:
        roll = g[cols].rolling(w, min_periods=1).mean().reset_index(level=0, drop=True)
        roll.columns = [f"{c}_rm{w}" for c in cols]
        panel = pd.concat([panel, roll], axis=1)
    return panel


def add_ratios(panel: pd.DataFrame) -> pd.DataFrame:
    panel["cash_in_out_ratio"] = panel["cash_in_amt"] / (panel["cash_out_amt"] + 1.0)
    panel["wire_in_out_ratio"] = panel["wire_in_amt"] / (panel["wire_out_amt"] + 1.0)
    # pass-through behaviour: money in roughly equals money out within the month
    total_in = panel["cash_in_amt"] + panel["wire_in_amt"]
    total_out = panel["cash_out_amt"] + panel["wire_out_amt"]
    panel["pass_through"] = (total_out / (total_in + 1.0)).clip(0, 5)
    return panel
