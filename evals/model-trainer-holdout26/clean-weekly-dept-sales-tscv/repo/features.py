import numpy as np
import pandas as pd


def load_panel(data_dir):
    sales = pd.read_csv(f"{data_dir}/weekly_dept_sales.csv", parse_dates=["week"])
    stores = pd.read_csv(f"{data_dir}/stores.csv")
    panel = sales.merge(stores, on="store", how="left").sort_values(["store", "dept", "week"])
    panel["weekofyear"] = panel["week"].dt.isocalendar().week.astype(int)
    panel["month"] = panel["week"].dt.month
    panel["store_type"] = panel["store_type"].astype("category")
    return panel.reset_index(drop=True)


def add_lags(panel, lags):
    """Past-only lags per store/department series (shift >= 1), safe to build on the whole panel."""
    g = panel.groupby(["store", "dept"])["sales"]
    for k in lags:
        panel[f"lag_{k}"] = g.shift(k)
    panel["roll4_mean"] = g.transform(lambda s: s.shift(1).rolling(4, min_periods=2).mean())
    return panel


def add_dept_profile(train_part, other_part):
    """Mean sales per (dept, weekofyear) from the training part only, mapped onto both parts."""
    prof = train_part.groupby(["dept", "weekofyear"])["sales"].mean().rename("dept_woy_mean")
    attach = lambda df: df.join(prof, on=["dept", "weekofyear"])
    return attach(train_part), attach(other_part)


def wmae(y, pred, holiday):
    w = np.where(holiday, 5.0, 1.0)
    return float(np.sum(w * np.abs(y - pred)) / np.sum(w))
