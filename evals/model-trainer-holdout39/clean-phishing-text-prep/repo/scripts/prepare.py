import json
import sys
from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split

from phishdet.clean import add_row_features


def main(params_path: str = "params.json") -> None:
    p = json.loads(Path(params_path).read_text())
    emails = pd.read_csv(p["emails_csv"])
    emails = emails.drop_duplicates(subset=["subject", "body"])
    emails = add_row_features(emails)

    train, test = train_test_split(
        emails, test_size=p["test_size"], stratify=emails["is_phishing"], random_state=p["seed"]
    )
    work = Path(p["work_dir"])
    work.mkdir(parents=True, exist_ok=True)
    train.to_parquet(work / "train.parquet", index=False)
    test.to_parquet(work / "test.parquet", index=False)


if __name__ == "__main__":
    main(*sys.argv[1:])
