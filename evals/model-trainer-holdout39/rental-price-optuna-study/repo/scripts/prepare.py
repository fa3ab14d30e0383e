import json
import sys
from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split

from rentprice.features import engineer


def main(cfg_path: str = "configs/search.json") -> None:
    cfg = json.loads(Path(cfg_path).read_text())
    listings = engineer(pd.read_parquet(cfg["listings"]), cfg["categorical"])
    train, test = train_test_split(listings, test_size=cfg["test_size"], random_state=cfg["seed"])
    out = Path(cfg["data_dir"])
    out.mkdir(parents=True, exist_ok=True)
    train.to_parquet(out / "train.parquet", index=False)
    test.to_parquet(out / "test.parquet", index=False)


if __name__ == "__main__":
    main(*sys.argv[1:])
