"""Train the satisfaction model and a logistic baseline; threshold chosen on validation.

    python train.py --config configs/airsat.yaml
"""
import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import yaml
from sklearn.metrics import f1_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

from airsat.data import CATEGORICAL, NUMERIC, TARGET, load_survey
from airsat.pipeline import gbm, logistic

COLS = NUMERIC + CATEGORICAL


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/airsat.yaml")
    cfg = yaml.safe_load(Path(parser.parse_args().config).read_text())
    seed = cfg["seed"]

    df = load_survey(cfg["paths"]["raw"])
    dev, test = train_test_split(df, test_size=0.2, stratify=df[TARGET], random_state=seed)
    train, valid = train_test_split(dev, test_size=0.2, stratify=dev[TARGET], random_state=seed)
    Path(cfg["paths"]["test"]).parent.mkdir(parents=True, exist_ok=True)
    Path(cfg["paths"]["models"]).mkdir(parents=True, exist_ok=True)
    test.to_parquet(cfg["paths"]["test"], index=False)

    models = {"gbm": gbm(cfg["gbm"], seed), "logistic_baseline": logistic(seed)}
    summary = {}
    for name, model in models.items():
        model.fit(train[COLS], train[TARGET])
        p = model.predict_proba(valid[COLS])[:, 1]
        grid = np.linspace(0.05, 0.95, 91)
        best_t = float(grid[np.argmax([f1_score(valid[TARGET], p >= t) for t in grid])])
        summary[name] = {"valid_auroc": roc_auc_score(valid[TARGET], p), "valid_log_loss": log_loss(valid[TARGET], p),
                         "valid_f1": f1_score(valid[TARGET], p >= best_t), "threshold": best_t}
        joblib.dump({"model": model, "threshold": best_t}, Path(cfg["paths"]["models"]) / f"{name}.joblib")
    Path(cfg["paths"]["models"], "valid_summary.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
