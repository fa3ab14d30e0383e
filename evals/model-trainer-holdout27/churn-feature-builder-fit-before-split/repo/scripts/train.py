"""Train the churn model end to end.

    python scripts/train.py --config configs/experiment.yaml
"""
import argparse
import json
import logging
from pathlib import Path

import joblib
from sklearn.model_selection import train_test_split

from churnlab.config import load_config
from churnlab.data import TARGET, load_customers
from churnlab.evaluation import score_classifier
from churnlab.features import FeatureBuilder
from churnlab.models import build_baseline, build_model
from churnlab.utils import seed_everything, setup_logging

log = logging.getLogger("train")


def main(config_path: str) -> None:
    cfg = load_config(config_path)
    seed_everything(cfg.seed)

    customers = load_customers(cfg.data.raw_path, min_tenure_days=cfg.data.min_tenure_days)
    log.info("loaded %d customers, churn rate %.3f", len(customers), customers[TARGET].mean())

    builder = FeatureBuilder(cfg.features.numeric, cfg.features.categorical, cfg.features.tenure_bins)
    X = builder.fit_transform(customers)
    y = customers[TARGET].to_numpy()

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg.split.test_size, stratify=y, random_state=cfg.seed
    )

    baseline = build_baseline().fit(X_train, y_train)
    model = build_model(cfg.model, seed=cfg.seed).fit(X_train, y_train)

    report = {
        "baseline": score_classifier(baseline, X_test, y_test),
        "model": score_classifier(model, X_test, y_test),
    }
    for name, metrics in report.items():
        log.info("%-8s %s", name, " ".join(f"{k}={v:.4f}" for k, v in metrics.items()))

    out = Path(cfg.output_dir)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"features": builder, "model": model}, out / "churn_model.joblib")
    (out / "metrics.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    setup_logging()
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/experiment.yaml")
    main(parser.parse_args().config)
