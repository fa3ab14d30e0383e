import json
import logging

import joblib
import pandas as pd

from leadscore.config import load
from leadscore.model import build_pipeline
from leadscore.scoring import score

logging.basicConfig(level=logging.INFO)


def main():
    cfg = load()
    leads = pd.read_csv(cfg["leads_path"])
    y = leads[cfg["target"]].astype(int)
    logging.info("%d leads, conversion rate %.3f", len(leads), y.mean())

    pipeline = build_pipeline(cfg)
    pipeline.fit(leads, y)
    metrics = score(pipeline, leads, y)
    logging.info("model quality: %s", json.dumps(metrics, indent=2))

    joblib.dump(pipeline, "artifacts/lead_scorer.joblib")
    with open("artifacts/metrics.json", "w") as fh:
        json.dump(metrics, fh, indent=2)


if __name__ == "__main__":
    main()
