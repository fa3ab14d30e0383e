"""
Behavioural scorecard for credit-card line management (bad = 90+ DPD within 12 months).
Development sample: all active accounts observed at the 2023-03 observation point.
"""
import argparse
import json
import logging
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import KBinsDiscretizer, OneHotEncoder

from scorecard_utils import discrimination_report, points_from_logodds, score_band_table

log = logging.getLogger("scorecard")

BEHAVIOUR_VARS = [
    "util_avg_3m", "util_max_6m", "payment_ratio_3m", "cash_adv_cnt_6m", "months_on_book",
    "max_dpd_12m", "num_overlimit_6m", "purchase_trend_3v6", "bureau_score_latest",
]
CAT_VARS = ["product_tier", "payment_channel"]


def build_pipeline() -> Pipeline:
    numeric = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("bin", KBinsDiscretizer(n_bins=6, encode="onehot-dense", strategy="quantile", subsample=None)),
    ])
    cats = OneHotEncoder(handle_unknown="ignore", min_frequency=200, sparse_output=False)
    prep = ColumnTransformer([("num", numeric, BEHAVIOUR_VARS), ("cat", cats, CAT_VARS)])
    return Pipeline([("prep", prep), ("lr", LogisticRegression(C=0.2, penalty="l2", max_iter=5000))])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev-sample", default="data/bscore_dev_2023m03.parquet")
    ap.add_argument("--out", default="artifacts/bscore_v2")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    accts = pd.read_parquet(args.dev_sample)
    y = accts["bad_90dpd_12m"].astype(int)
    log.info("accounts=%d bad_rate=%.4f", len(accts), y.mean())

    card = build_pipeline().fit(accts[BEHAVIOUR_VARS + CAT_VARS], y)

    p_bad = card.predict_proba(accts[BEHAVIOUR_VARS + CAT_VARS])[:, 1]
    scores = points_from_logodds(np.log(p_bad / (1 - p_bad)))
    report = discrimination_report(y, p_bad)
    log.info("development sample: AUC=%.4f Gini=%.4f KS=%.4f", report["auc"], report["gini"], report["ks"])
    bands = score_band_table(scores, y)
    log.info("\n%s", bands.to_string(index=False))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(card, out / "scorecard.joblib")
    (out / "validation_report.json").write_text(json.dumps(report, indent=2))
    bands.to_csv(out / "score_bands.csv", index=False)


if __name__ == "__main__":
    main()
