import json
import logging
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score
from xgboost import XGBClassifier

from fleetpm import config as C
from fleetpm.features import feature_columns, label_failures, weekly_frame

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
log = logging.getLogger("fleetpm")


def main():
    np.random.seed(C.SEED)
    tel = pd.read_parquet(C.TELEMETRY_PATH)
    wo = pd.read_parquet(C.WORKORDERS_PATH)

    weekly = weekly_frame(tel)
    weekly["fail_30d"] = label_failures(weekly, wo, C.COMPONENT, C.HORIZON_DAYS)
    cols = feature_columns(weekly)
    log.info("truck-weeks %d, positive rate %.4f", len(weekly), weekly["fail_30d"].mean())

    pos_w = (weekly["fail_30d"] == 0).sum() / max(1, weekly["fail_30d"].sum())
    model = XGBClassifier(**C.XGB_PARAMS, scale_pos_weight=pos_w, random_state=C.SEED)
    model.fit(weekly[cols], weekly["fail_30d"])

    risk = model.predict_proba(weekly[cols])[:, 1]
    alert = (risk >= C.ALERT_THRESHOLD).astype(int)
    metrics = {
        "roc_auc": roc_auc_score(weekly["fail_30d"], risk),
        "pr_auc": average_precision_score(weekly["fail_30d"], risk),
        "precision@thr": precision_score(weekly["fail_30d"], alert),
        "recall@thr": recall_score(weekly["fail_30d"], alert),
        "f1@thr": f1_score(weekly["fail_30d"], alert),
        "base_rate_pr_auc": float(weekly["fail_30d"].mean()),
    }
    log.info("metrics: %s", json.dumps(metrics, indent=2))

    out = Path("artifacts")
    out.mkdir(exist_ok=True)
    model.save_model(out / "xgb_aftertreatment.json")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
