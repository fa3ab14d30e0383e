import numpy as np
import pandas as pd

TARGET = "converted"


def build_feature_table(leads: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    agg = events.groupby("lead_id").agg(
        n_sessions=("session_id", "nunique"),
        n_pageviews=("event_type", lambda s: (s == "pageview").sum()),
        n_pricing_views=("page", lambda s: (s == "/pricing").sum()),
        total_minutes=("duration_s", lambda s: s.sum() / 60.0),
    )
    df = leads.merge(agg, left_on="lead_id", right_index=True, how="left")
    df[agg.columns] = df[agg.columns].fillna(0)
    df["log_company_size"] = np.log1p(df["company_size"])
    df["is_free_email"] = df["email_domain"].isin(["gmail.com", "yahoo.com", "outlook.com"]).astype(int)
    df = pd.get_dummies(df, columns=["source", "industry"], dtype=np.uint8)
    return df.drop(columns=["email_domain", "company_size"]).set_index("lead_id")
