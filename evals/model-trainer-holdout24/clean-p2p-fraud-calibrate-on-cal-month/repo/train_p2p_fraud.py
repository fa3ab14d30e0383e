"""
P2P payments fraud model.

  months 1-4  -> fit LightGBM
  month 5     -> isotonic calibration + alert threshold (precision >= 0.6)
  month 6     -> untouched test month, scored once
"""
import argparse
import json
import logging

import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV

from fraudkit.metrics import summary, threshold_for_precision
from fraudkit.splits import Windows, by_time

log = logging.getLogger("p2p_fraud")
FEATURES = ["amount", "amount_z_sender_30d", "sender_age_days", "recipient_age_days", "first_time_pair",
            "sends_1h", "sends_24h", "distinct_recipients_24h", "device_change_7d", "ip_risk", "hour", "kyc_level"]
LABEL = "fraud_60d"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--payments", default="data/p2p_payments_h1.parquet")
    ap.add_argument("--train-end", default="2024-05-01")
    ap.add_argument("--calib-end", default="2024-06-01")
    ap.add_argument("--test-end", default="2024-07-01")
    ap.add_argument("--precision-target", type=float, default=0.6)
    ap.add_argument("--seed", type=int, default=606)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    pays = pd.read_parquet(args.payments)
    train, calib, test = by_time(pays, Windows(args.train_end, args.calib_end, args.test_end))
    log.info("train=%d calib=%d test=%d fraud rates %.4f/%.4f/%.4f", len(train), len(calib), len(test),
             train[LABEL].mean(), calib[LABEL].mean(), test[LABEL].mean())

    booster = lgb.LGBMClassifier(n_estimators=700, learning_rate=0.03, num_leaves=63, min_child_samples=200,
                                 subsample=0.8, subsample_freq=1, colsample_bytree=0.7, reg_lambda=5.0,
                                 scale_pos_weight=10.0, random_state=args.seed, verbose=-1)
    booster.fit(train[FEATURES], train[LABEL])

    calibrated = CalibratedClassifierCV(booster, method="isotonic", cv="prefit")
    calibrated.fit(calib[FEATURES], calib[LABEL])
    p_cal = calibrated.predict_proba(calib[FEATURES])[:, 1]
    thr = threshold_for_precision(calib[LABEL].to_numpy(), p_cal, args.precision_target)
    log.info("alert threshold %.4f chosen on calibration month", thr)

    y_test = test[LABEL].to_numpy()
    p_test = calibrated.predict_proba(test[FEATURES])[:, 1]
    rules_score = test["legacy_rules_score"].to_numpy() / 100.0
    report = {
        "model_test": summary(y_test, p_test, thr),
        "legacy_rules_test": summary(y_test, rules_score, 0.7),
        "prevalence_test": float(np.mean(y_test)),
    }
    log.info(json.dumps(report, indent=2))
    joblib.dump({"model": calibrated, "threshold": thr, "features": FEATURES}, "p2p_fraud_model.joblib")


if __name__ == "__main__":
    main()
