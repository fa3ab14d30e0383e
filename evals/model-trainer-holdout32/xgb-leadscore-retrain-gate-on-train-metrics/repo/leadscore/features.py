import numpy as np
import pandas as pd

FEATURE_COLS = [
    "n_touches", "days_to_first_reply", "company_size_log", "is_inbound", "n_web_visits_30d",
    "opened_pricing_page", "industry_code", "region_code", "deal_value_log", "created_dow",
]

INDUSTRY = {"saas": 0, "retail": 1, "finance": 2, "health": 3, "manufacturing": 4, "other": 5}
REGION = {"emea": 0, "na": 1, "latam": 2, "apac": 3}


def build_features(df):
    out = pd.DataFrame(index=df.index)
    out["n_touches"] = df["n_touches"].fillna(0)
    out["days_to_first_reply"] = (df["first_reply_at"].pipe(pd.to_datetime) - df["created_at"]).dt.days.clip(0, 90)
    out["company_size_log"] = np.log1p(df["company_size"].fillna(0))
    out["is_inbound"] = (df["source"] == "inbound").astype(int)
    out["n_web_visits_30d"] = df["n_web_visits_30d"].fillna(0)
    out["opened_pricing_page"] = df["opened_pricing_page"].fillna(False).astype(int)
    out["industry_code"] = df["industry"].str.lower().map(INDUSTRY).fillna(INDUSTRY["other"]).astype(int)
    out["region_code"] = df["region"].str.lower().map(REGION).fillna(-1).astype(int)
    out["deal_value_log"] = np.log1p(df["deal_value"].clip(lower=0).fillna(0))
    out["created_dow"] = df["created_at"].dt.dayofweek
    return out
