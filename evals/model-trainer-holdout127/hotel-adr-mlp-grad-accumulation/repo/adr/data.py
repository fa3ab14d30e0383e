import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from torch.utils.data import TensorDataset

CAT = ["hotel", "meal", "market_segment", "distribution_channel", "reserved_room_type",
       "customer_type", "arrival_date_month"]
NUM = ["lead_time", "arrival_date_week_number", "stays_in_weekend_nights", "stays_in_week_nights",
       "adults", "children", "babies", "is_repeated_guest", "total_of_special_requests",
       "required_car_parking_spaces"]


def load_bookings(path: str) -> pd.DataFrame:
    df = pd.read_csv(path)
    df = df[(df["is_canceled"] == 0) & (df["adr"] > 0) & (df["adr"] < 1000)].copy()
    df["children"] = df["children"].fillna(0)
    df["arrival_date"] = pd.to_datetime(
        df["arrival_date_year"].astype(str) + " " + df["arrival_date_month"] + " "
        + df["arrival_date_day_of_month"].astype(str), format="%Y %B %d")
    return df.sort_values("arrival_date").reset_index(drop=True)


class Preprocessor:
    def __init__(self):
        self.ohe = OneHotEncoder(handle_unknown="ignore", sparse_output=False)
        self.scaler = StandardScaler()

    def fit(self, df: pd.DataFrame):
        self.ohe.fit(df[CAT])
        self.scaler.fit(df[NUM])
        return self

    def transform(self, df: pd.DataFrame) -> TensorDataset:
        x = np.hstack([self.scaler.transform(df[NUM]), self.ohe.transform(df[CAT])]).astype(np.float32)
        y = np.log(df["adr"].to_numpy(dtype=np.float32))[:, None]
        return TensorDataset(torch.from_numpy(x), torch.from_numpy(y))
