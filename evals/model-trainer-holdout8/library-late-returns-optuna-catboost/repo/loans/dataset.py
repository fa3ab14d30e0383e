import pandas as pd
from sklearn.model_selection import train_test_split


def load(conf):
    loans = pd.read_parquet(conf["loans_path"])
    members = pd.read_parquet(conf["members_path"])
    df = loans.merge(members, on="member_id", how="left")
    df["loan_days"] = (df["due_date"] - df["checkout_date"]).dt.days
    df["checkout_dow"] = df["checkout_date"].dt.dayofweek
    df["member_tenure_y"] = (df["checkout_date"] - df["joined"]).dt.days / 365.25
    df["renewals_left"] = df["max_renewals"] - df["renewals_used"]
    df["is_holiday_season"] = df["checkout_date"].dt.month.isin([7, 8, 12]).astype(int)
    return df


FEATURES = [
    "branch", "material_type", "member_category", "language", "loan_days", "checkout_dow",
    "member_tenure_y", "renewals_left", "is_holiday_season", "item_age_y", "prior_late_returns",
    "prior_loans", "has_app",
]


def split_members(df, conf):
    learn, check = train_test_split(
        df, test_size=conf["holdout_fraction"], stratify=df[conf["target"]], random_state=conf["seed"]
    )
    return learn.reset_index(drop=True), check.reset_index(drop=True)
