import numpy as np
import pandas as pd

SERVICE_COLS = ["PhoneService", "MultipleLines", "OnlineSecurity", "OnlineBackup", "DeviceProtection",
                "TechSupport", "StreamingTV", "StreamingMovies"]


def clean_frame(df: pd.DataFrame, target: str, id_col: str):
    df = df.drop(columns=[id_col]).copy()
    df["TotalCharges"] = pd.to_numeric(df["TotalCharges"].str.strip().replace("", np.nan))
    df["n_services"] = (df[SERVICE_COLS] == "Yes").sum(axis=1)
    df["charge_per_month_tenure"] = df["TotalCharges"] / df["tenure"].clip(lower=1)
    y = (df.pop(target) == "Yes").astype(int)
    for col in df.select_dtypes("object"):
        df[col] = df[col].astype("category")
    return df, y
