import json
import logging
from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split

from .config import load_config
from .preprocess import describe_features

log = logging.getLogger("xsell.prepare")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    cfg = load_config()
    df = pd.read_csv(cfg["raw_csv"]).drop_duplicates(subset=cfg["id_col"])
    log.info("raw data summary: %s", json.dumps(describe_features(df, cfg)))

    train, test = train_test_split(
        df, test_size=cfg["test_size"], stratify=df[cfg["target"]], random_state=cfg["seed"]
    )
    out = Path(cfg["split_dir"])
    out.mkdir(parents=True, exist_ok=True)
    train.to_parquet(out / "train.parquet", index=False)
    test.to_parquet(out / "test.parquet", index=False)


if __name__ == "__main__":
    main()
