"""DVC stage: stratified train/test split of the prepared table."""
from pathlib import Path

import pandas as pd
import yaml
from sklearn.model_selection import train_test_split

TARGET = "is_fraud"


def main() -> None:
    params = yaml.safe_load(open("params.yaml"))
    df = pd.read_parquet("data/prepared/claims.parquet")
    train, test = train_test_split(
        df,
        test_size=params["split"]["test_size"],
        stratify=df[TARGET],
        random_state=params["seed"],
    )
    out_dir = Path("data/split")
    out_dir.mkdir(parents=True, exist_ok=True)
    train.to_parquet(out_dir / "train.parquet", index=False)
    test.to_parquet(out_dir / "test.parquet", index=False)
    print(f"train={len(train)} test={len(test)}")


if __name__ == "__main__":
    main()
