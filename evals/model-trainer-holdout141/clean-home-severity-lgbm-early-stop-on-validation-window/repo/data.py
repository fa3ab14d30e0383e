import pandas as pd


def load_settled_claims(path, cat_cols):
    df = pd.read_parquet(path)
    df["loss_date"] = pd.to_datetime(df["loss_date"])
    df["report_lag_days"] = (pd.to_datetime(df["report_date"]) - df["loss_date"]).dt.days
    df = df[(df["claim_status"] == "SETTLED") & (df["settled_amount"] > 0)].copy()
    for c in cat_cols:
        df[c] = df[c].astype("category")
    return df.sort_values("loss_date").reset_index(drop=True)


def chronological_split(df, train_end, valid_end):
    t0, t1 = pd.Timestamp(train_end), pd.Timestamp(valid_end)
    train = df[df["loss_date"] < t0]
    valid = df[(df["loss_date"] >= t0) & (df["loss_date"] < t1)]
    test = df[df["loss_date"] >= t1]
    return train, valid, test
