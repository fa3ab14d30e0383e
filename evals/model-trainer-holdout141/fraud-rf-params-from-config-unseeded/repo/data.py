import pandas as pd


def load_claims(path):
    df = pd.read_parquet(path)
    for c in ["report_date", "departure_date", "booking_date", "policy_start_date"]:
        df[c] = pd.to_datetime(df[c])
    df["trip_duration_days"] = (pd.to_datetime(df["return_date"]) - df["departure_date"]).dt.days
    df["days_booking_to_departure"] = (df["departure_date"] - df["booking_date"]).dt.days
    df["days_departure_to_claim"] = (df["report_date"] - df["departure_date"]).dt.days
    df["policy_age_days"] = (df["report_date"] - df["policy_start_date"]).dt.days
    df["has_receipts"] = df["has_receipts"].astype(int)
    return df.sort_values("report_date").reset_index(drop=True)


def time_split(df, train_end):
    cut = pd.Timestamp(train_end)
    return df[df["report_date"] < cut], df[df["report_date"] >= cut]
