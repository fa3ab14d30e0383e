"""Cross-validated comparison of fraud classifiers.

    python run_cv.py --config configs/default.yaml --out results/cv_table.csv
"""
import argparse
import logging
import random
import sys
from pathlib import Path

import numpy as np
import yaml
from imblearn.over_sampling import SMOTE

sys.path.insert(0, str(Path(__file__).parent / "src"))

from fraudlab.data import load_transactions  # noqa: E402
from fraudlab.evaluate import compare  # noqa: E402
from fraudlab.models import build_models  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/default.yaml")
    parser.add_argument("--out", default="results/cv_table.csv")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")

    cfg = yaml.safe_load(open(args.config))
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])

    X, y = load_transactions(cfg["data_path"], cfg["target"])
    # fraud is ~0.3% of rows: synthesise minority examples so the models see enough positives
    smote = SMOTE(**cfg["smote"], random_state=cfg["seed"])
    X, y = smote.fit_resample(X, y)
    logging.info("after SMOTE: %d rows, fraud rate %.4f", len(X), y.mean())

    table = compare(build_models(cfg["models"], cfg["seed"]), X, y, cfg["cv_folds"], cfg["seed"])
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(args.out, index=False)
    print(table.round(4).to_string(index=False))


if __name__ == "__main__":
    main()
