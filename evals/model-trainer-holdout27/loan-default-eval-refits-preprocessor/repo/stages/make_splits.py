from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split

from credit.settings import TARGET, load_settings


def main():
    cfg = load_settings()
    loans = pd.read_csv(cfg["raw"])
    loans = loans[loans["loan_status"].isin(["Fully Paid", "Charged Off"])].copy()
    loans[TARGET] = (loans["loan_status"] == "Charged Off").astype(int)
    train, test = train_test_split(
        loans, test_size=cfg["test_size"], stratify=loans[TARGET], random_state=cfg["seed"]
    )
    out = Path(cfg["splits_dir"])
    out.mkdir(parents=True, exist_ok=True)
    train.to_parquet(out / "train.parquet")
    test.to_parquet(out / "test.parquet")


if __name__ == "__main__":
    main()
