import numpy as np
import pandas as pd

CAT = ["property_code", "room_type", "rate_plan", "booking_channel", "travel_purpose", "loyalty_tier"]
NUM = ["nights", "lead_time_days", "adults", "children", "adr_paid", "upgrade_given",
       "late_checkout", "service_tickets", "ticket_resolution_hours", "breakfast_included",
       "prior_stays", "arrival_month", "arrival_dow"]


def prepare(stays: pd.DataFrame) -> pd.DataFrame:
    df = stays.copy()
    df["nights"] = (df["departure_date"] - df["arrival_date"]).dt.days
    df["lead_time_days"] = (df["arrival_date"] - df["booking_date"]).dt.days
    df["arrival_month"] = df["arrival_date"].dt.month
    df["arrival_dow"] = df["arrival_date"].dt.dayofweek
    df["ticket_resolution_hours"] = df["ticket_resolution_hours"].fillna(0)
    df["prior_stays"] = df.sort_values("arrival_date").groupby("guest_id").cumcount()
    df["adr_paid"] = np.log1p(df["adr_paid"])
    for c in CAT:
        df[c] = df[c].astype("category")
    return df
