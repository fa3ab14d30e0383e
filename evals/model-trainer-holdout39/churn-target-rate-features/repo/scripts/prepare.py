import argparse
import logging
from pathlib import Path

from churn.config import ChurnConfig
from churn.data import load_raw, split_frame
from churn.features import build_features

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
log = logging.getLogger("prepare")


def main() -> None:
    parser = argparse.ArgumentParser(description="Build feature tables for the churn model")
    parser.add_argument("--config", default="configs/churn.yaml")
    args = parser.parse_args()

    cfg = ChurnConfig.from_yaml(args.config)
    out_dir = Path(cfg.paths["processed_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    customers = load_raw(cfg.paths["raw"])
    customers = build_features(customers, cfg)

    train, valid, test = split_frame(
        customers,
        target=cfg.target,
        test_size=cfg.split.test_size,
        valid_size=cfg.split.valid_size,
        seed=cfg.seed,
    )
    for name, part in {"train": train, "valid": valid, "test": test}.items():
        part.to_parquet(out_dir / f"{name}.parquet", index=False)
        log.info("%s: %d rows, churn rate %.3f", name, len(part), part[cfg.target].mean())


if __name__ == "__main__":
    main()
