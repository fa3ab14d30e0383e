from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split

from common import load_params


def main() -> None:
    params = load_params()
    df = pd.read_parquet("data/interim/attempts.parquet")
    target = params["base"]["target"]
    train, test = train_test_split(
        df,
        test_size=params["split"]["test_size"],
        stratify=df[target],
        random_state=params["base"]["seed"],
    )
    Path("data/processed").mkdir(parents=True, exist_ok=True)
    train.to_parquet("data/processed/train.parquet", index=False)
    test.to_parquet("data/processed/test.parquet", index=False)
    print(f"train={len(train)} test={len(test)} failure rate={df[target].mean():.3f}")


if __name__ == "__main__":
    main()
