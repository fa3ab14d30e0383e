import logging

import joblib

from wafer.evaluate import evaluate
from wafer.io import load_summary, read_settings
from wafer.model import make_forest
from wafer.splits import holdout_split

logging.basicConfig(level=logging.INFO, format="%(asctime)s | %(message)s")
log = logging.getLogger("wafer")

if __name__ == "__main__":
    cfg = read_settings()
    label = cfg["data"]["label"]
    df, sensors = load_summary(cfg)
    log.info("%d wafers, defect rate %.2f%%", len(df), 100 * df[label].mean())

    train, hold = holdout_split(df, label, cfg["holdout"])
    model = make_forest(cfg["forest"]).fit(train[sensors], train[label])

    scores = evaluate(model, train[sensors], train[label], hold[sensors], hold[label])
    for name, value in scores.items():
        log.info("%s = %.4f", name, value)
    joblib.dump(model, cfg["model_path"])
