"""Create stratified, seeded train/valid/test CSVs from the HRIS extract (run once).

    python scripts/split_data.py --raw data/raw/hris_extract.csv --out data/splits --seed 19
"""
import argparse
from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--raw", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, required=True)
    args = parser.parse_args()

    df = pd.read_csv(args.raw).drop_duplicates(subset="employee_id")
    target = "left_within_6m"
    dev, test = train_test_split(df, test_size=0.2, stratify=df[target], random_state=args.seed)
    train, valid = train_test_split(dev, test_size=0.2, stratify=dev[target], random_state=args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, part in {"train": train, "valid": valid, "test": test}.items():
        part.to_csv(out / f"{name}.csv", index=False)


if __name__ == "__main__":
    main()
