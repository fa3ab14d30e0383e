import numpy as np
import pandas as pd


def load_sales(path):
    df = pd.read_csv(path, dtype={"zipcode": str})
    df["date"] = pd.to_datetime(df["date"], format="%Y%m%dT%H%M%S")
    df = df.sort_values("date").reset_index(drop=True)
    df["sale_year"] = df["date"].dt.year
    df["sale_month"] = df["date"].dt.month
    df["age_at_sale"] = df["sale_year"] - df["yr_built"]
    df["yrs_since_reno"] = np.where(df["yr_renovated"] > 0, df["sale_year"] - df["yr_renovated"], df["age_at_sale"])
    df["log_price"] = np.log(df["price"])
    return df


FEATURES = ["bedrooms", "bathrooms", "sqft_living", "sqft_lot", "floors", "waterfront", "view",
            "condition", "grade", "sqft_above", "sqft_basement", "age_at_sale", "yrs_since_reno",
            "zipcode", "lat", "long", "sqft_living15", "sqft_lot15", "sale_month"]


def chronological_split(df, val_start, test_start):
    train = df[df["date"] < val_start]
    val = df[(df["date"] >= val_start) & (df["date"] < test_start)]
    test = df[df["date"] >= test_start]
    return train, val, test
