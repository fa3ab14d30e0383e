"""One-off: carve a stratified, seeded test set out of the raw trial export.

    python scripts/make_splits.py --config configs/trialconv.yaml
"""
import argparse
from pathlib import Path

import pandas as pd
import yaml
from sklearn.model_selection import train_test_split


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/trialconv.yaml")
    cfg = yaml.safe_load(Path(parser.parse_args().config).read_text())

    raw = pd.read_csv(cfg["paths"]["raw"])
    raw = raw.drop_duplicates(subset="account_id")
    train, test = train_test_split(raw, test_size=cfg["test_size"], stratify=raw[cfg["target"]],
                                   random_state=cfg["seed"])
    out = Path(cfg["paths"]["train"]).parent
    out.mkdir(parents=True, exist_ok=True)
    train.to_parquet(cfg["paths"]["train"], index=False)
    test.to_parquet(cfg["paths"]["test"], index=False)
    print(f"train={len(train)} test={len(test)} pos_rate={raw[cfg['target']].mean():.3f}")


if __name__ == "__main__":
    main()
