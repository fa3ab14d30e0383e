"""Clean raw applications and write stratified train/test splits."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

from common import load_params, split_path


def clean(df: pd.DataFrame) -> pd.DataFrame:
    df = df.drop(columns=["application_id", "applicant_name", "submitted_at"])
    df["income"] = df["income"].clip(lower=0)
    df["log_income"] = np.log1p(df["income"])
    df["loan_to_income"] = df["loan_amount"] / df["income"].replace(0, np.nan)
    df["emp_length_years"] = df["emp_length"].str.extract(r"(\d+)").astype(float)
    for col in ["employment_type", "home_ownership", "purpose", "state"]:
        df[col] = df[col].fillna("unknown").astype(str)
    return df.drop(columns=["emp_length"])


def main() -> None:
    params = load_params()
    target = params["data"]["target"]
    raw = pd.read_csv(params["data"]["raw"])
    df = clean(raw)

    train_df, test_df = train_test_split(
        df,
        test_size=params["prepare"]["test_size"],
        stratify=df[target],
        random_state=params["seed"],
    )
    out_dir = Path(params["data"]["processed_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)
    train_df.to_parquet(split_path(out_dir, "train"), index=False)
    test_df.to_parquet(split_path(out_dir, "test"), index=False)
    print(f"train={len(train_df)} test={len(test_df)} default_rate={df[target].mean():.3f}")


if __name__ == "__main__":
    main()
