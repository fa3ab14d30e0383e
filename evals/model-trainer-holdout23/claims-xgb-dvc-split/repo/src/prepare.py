"""Stage 1: clean the raw policy table and create the train/test split."""
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

from common import CATEGORICAL, ROOT, TARGET, load_params


def main():
    params = load_params()
    df = pd.read_csv(ROOT / "data/raw/policies.csv", parse_dates=["policy_start"])
    df = df[df["policy_days"] >= params["prepare"]["min_policy_days"]].copy()
    df["vehicle_age"] = df["vehicle_age"].clip(upper=25)
    df["log_premium"] = np.log(df["annual_premium"].clip(lower=1))
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    df = df.drop(columns=["policy_id", "policy_start", "annual_premium"])

    train_df, test_df = train_test_split(
        df, test_size=params["prepare"]["test_size"], stratify=df[TARGET]
    )
    out = ROOT / "data/prepared"
    out.mkdir(parents=True, exist_ok=True)
    train_df.to_parquet(out / "train.parquet")
    test_df.to_parquet(out / "test.parquet")
    print(f"train={len(train_df)} test={len(test_df)} claim_rate={df[TARGET].mean():.3f}")


if __name__ == "__main__":
    main()
