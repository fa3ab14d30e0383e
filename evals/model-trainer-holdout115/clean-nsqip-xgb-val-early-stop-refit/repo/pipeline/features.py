import numpy as np
import pandas as pd

PREOP = [
    "age", "bmi", "asaclas", "fnstatus2", "emergncy", "diabetes_insulin", "smoke", "hxcopd",
    "ascites", "hxchf", "hypermed", "dialysis", "discancr", "steroid", "wtloss", "bleeddis",
    "transfus", "prsepis", "prsodm", "prbun", "prcreat", "pralbum", "prwbc", "prhct", "prplate",
    "workrvu", "inout",
]


def prepare(df: pd.DataFrame) -> pd.DataFrame:
    """Row-wise cleaning only (NSQIP -99 sentinels -> NaN; age '90+' capped)."""
    out = df.copy()
    out = out.replace(-99, np.nan)
    out["age"] = pd.to_numeric(out["age"].replace("90+", "90"), errors="coerce")
    out["prcreat"] = np.log(out["prcreat"])
    out["prbun"] = np.log1p(out["prbun"])
    return out
