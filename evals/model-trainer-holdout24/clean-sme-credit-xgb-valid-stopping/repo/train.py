"""SME loan PD model: EDA pack, then XGBoost with early stopping on a validation split."""
import json
import logging
import random
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier

from src.sme_risk.eda import default_rate_by, describe_numeric
from src.sme_risk.metrics import risk_metrics

log = logging.getLogger("sme_pd")

NUMERIC = ["turnover_log", "ebitda_margin", "leverage", "interest_cover", "current_ratio",
           "years_trading", "director_score", "ccj_count", "overdraft_util", "loan_to_turnover"]


def main(cfg_path: str = "config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    logging.basicConfig(level=logging.INFO)
    seed = cfg["seed"]
    random.seed(seed)
    np.random.seed(seed)
    out = Path(cfg["report_dir"])
    out.mkdir(parents=True, exist_ok=True)

    loans = pd.read_parquet(cfg["data_path"])
    target = cfg["target"]

    # documentation pack: descriptive stats on the full population (plots/tables only)
    describe_numeric(loans, NUMERIC, out)
    for col in ["sector", "region", "internal_grade"]:
        default_rate_by(loans, col, target, out)

    X, y = loans[NUMERIC], loans[target].astype(int)
    X_rest, X_test, y_rest, y_test = train_test_split(
        X, y, test_size=cfg["splits"]["test_size"], stratify=y, random_state=seed)
    X_train, X_valid, y_train, y_valid = train_test_split(
        X_rest, y_rest, test_size=cfg["splits"]["valid_size"], stratify=y_rest, random_state=seed)

    xgb = XGBClassifier(**cfg["xgb"], random_state=seed, n_jobs=8, tree_method="hist")
    xgb.fit(X_train, y_train, eval_set=[(X_valid, y_valid)], verbose=250)
    log.info("best iteration %d (valid AUC %.4f)", xgb.best_iteration, xgb.best_score)

    bench = make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=2000))
    bench.fit(X_train.fillna(X_train.median()), y_train)

    report = {
        "valid": risk_metrics(y_valid, xgb.predict_proba(X_valid)[:, 1]),
        "test": {
            "xgb": risk_metrics(y_test, xgb.predict_proba(X_test)[:, 1]),
            "logit_benchmark": risk_metrics(y_test, bench.predict_proba(X_test.fillna(X_train.median()))[:, 1]),
        },
    }
    log.info(json.dumps(report, indent=2))
    (out / "metrics.json").write_text(json.dumps(report, indent=2))
    xgb.save_model(out / "xgb_pd.json")


if __name__ == "__main__":
    main()
