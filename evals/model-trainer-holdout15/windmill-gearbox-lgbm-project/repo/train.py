"""Train the gearbox failure model.  python train.py --config configs/train.yaml"""
import argparse
import json
import logging
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

from src.gearbox.evaluate import best_f1_threshold, report
from src.gearbox.features import add_mill_history, clean_survey, to_lgb_frame

log = logging.getLogger("gearbox")


def main(cfg: dict) -> None:
    tgt = cfg["data"]["target"]
    seed = cfg["split"]["seed"]
    np.random.seed(seed)

    survey = pd.read_csv(cfg["data"]["survey_csv"])
    survey = clean_survey(survey)
    survey = add_mill_history(survey, tgt)
    log.info("rows=%d positives=%.3f", len(survey), survey[tgt].mean())

    dev, test = train_test_split(survey, test_size=cfg["split"]["test_size"],
                                 stratify=survey[tgt], random_state=seed)
    fit, val = train_test_split(dev, test_size=cfg["split"]["val_size"],
                                stratify=dev[tgt], random_state=seed)

    drop = [tgt, "mill_id", "gearbox_id", "survey_year", "last_recog_year"]
    X_fit, X_val, X_test = (to_lgb_frame(d, drop) for d in (fit, val, test))

    dtrain = lgb.Dataset(X_fit, fit[tgt])
    dval = lgb.Dataset(X_val, val[tgt], reference=dtrain)
    booster = lgb.train(
        cfg["lgbm"], dtrain,
        num_boost_round=cfg["train"]["num_boost_round"],
        valid_sets=[dval], valid_names=["val"],
        callbacks=[lgb.early_stopping(cfg["train"]["early_stopping_rounds"]), lgb.log_evaluation(200)],
    )

    # simple baseline on the numeric columns only
    num_cols = X_fit.select_dtypes("number").columns
    baseline = LogisticRegression(max_iter=2000).fit(X_fit[num_cols].fillna(0), fit[tgt])

    val_scores = booster.predict(X_val, num_iteration=booster.best_iteration)
    thr = best_f1_threshold(val[tgt], val_scores)
    base_thr = best_f1_threshold(val[tgt], baseline.predict_proba(X_val[num_cols].fillna(0))[:, 1])

    results = {
        "lgbm": report(test[tgt], booster.predict(X_test, num_iteration=booster.best_iteration), thr),
        "logreg_baseline": report(test[tgt], baseline.predict_proba(X_test[num_cols].fillna(0))[:, 1], base_thr),
        "threshold": thr,
    }
    log.info(json.dumps(results, indent=2))

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    booster.save_model(str(out / "gearbox_lgbm.txt"), num_iteration=booster.best_iteration)
    (out / "metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/train.yaml")
    args = ap.parse_args()
    with open(args.config) as fh:
        main(yaml.safe_load(fh))
