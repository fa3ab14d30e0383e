import numpy as np
import pandas as pd

CATEGORICAL = ["channel", "mcc_group", "country_match"]


def engineer(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["log_amount"] = np.log1p(out["amount"])
    out["hour"] = pd.to_datetime(out["event_time"]).dt.hour
    out["amount_over_avg"] = out["amount"] / (out["card_avg_amount_30d"] + 1.0)
    out["night"] = out["hour"].isin([0, 1, 2, 3, 4, 5]).astype(int)
    out = pd.get_dummies(out, columns=CATEGORICAL, drop_first=False, dtype=np.uint8)
    return out
