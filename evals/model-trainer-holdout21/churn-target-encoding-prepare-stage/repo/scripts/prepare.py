"""Stage 1: raw subscriber export -> feature tables for training and testing."""
import argparse
import logging
from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split

from churn.config import CFG
from churn.features import build_features

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("prepare")


def main(args: argparse.Namespace) -> None:
    raw = pd.read_csv(args.raw)
    raw = raw.drop_duplicates(subset=CFG.id_col)
    log.info("loaded %d subscribers, churn rate %.3f", len(raw), raw[CFG.target].mean())

    feats = build_features(raw, CFG.categorical, CFG.target)

    train_df, test_df = train_test_split(
        feats, test_size=CFG.test_size, stratify=feats[CFG.target], random_state=CFG.seed
    )
    args.out.mkdir(parents=True, exist_ok=True)
    train_df.to_parquet(args.out / "train.parquet")
    test_df.to_parquet(args.out / "test.parquet")
    log.info("wrote train=%d test=%d rows to %s", len(train_df), len(test_df), args.out)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--raw", type=Path, default=CFG.raw_path)
    parser.add_argument("--out", type=Path, default=CFG.processed_dir)
    main(parser.parse_args())
