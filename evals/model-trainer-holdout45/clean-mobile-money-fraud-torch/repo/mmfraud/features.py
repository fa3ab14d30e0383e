import numpy as np
import pandas as pd


def engineer(df: pd.DataFrame, types) -> pd.DataFrame:
    out = df.copy()
    out["step_hour"] = out["step"] % 24
    out["orig_balance_error"] = out["oldbalanceOrg"] - out["amount"] - out["newbalanceOrig"]
    out["dest_balance_error"] = out["oldbalanceDest"] + out["amount"] - out["newbalanceDest"]
    for col in ["amount", "oldbalanceOrg", "newbalanceOrig", "oldbalanceDest", "newbalanceDest"]:
        out[col] = np.log1p(out[col].clip(lower=0))
    for t in types:
        out[f"type_{t}"] = (out["type"] == t).astype(np.float32)
    return out
