import json
import logging

import numpy as np
from sklearn.model_selection import train_test_split

from fraudkit.balance import oversample_minority
from fraudkit.features import FEATURES, engineer
from fraudkit.io import LABEL, read_claims
from fraudkit.modeling import make_baseline, make_xgb
from fraudkit.report import summarize
from fraudkit.settings import TrainSettings

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
log = logging.getLogger("fraud")


def run(settings: TrainSettings) -> dict:
    np.random.seed(settings.seed)
    claims = engineer(read_claims(settings.paths.claims))
    X, y = claims[FEATURES], claims[LABEL]
    log.info("claims=%d fraud_rate=%.4f", len(y), y.mean())

    X, y = oversample_minority(X, y, k_neighbors=settings.smote_k, seed=settings.seed)
    log.info("after SMOTE: %d rows, fraud_rate=%.3f", len(y), y.mean())

    X_tr, X_ho, y_tr, y_ho = train_test_split(
        X, y, test_size=settings.holdout_fraction, stratify=y, random_state=settings.seed
    )

    results = {}
    baseline = make_baseline().fit(X_tr, y_tr)
    results["dummy"] = summarize("dummy", baseline, X_ho, y_ho, log)
    booster = make_xgb(settings.xgb, settings.seed).fit(X_tr, y_tr)
    results["xgb"] = summarize("xgb", booster, X_ho, y_ho, log)

    settings.paths.reports.mkdir(exist_ok=True)
    booster.save_model(settings.paths.reports / "xgb_fraud.json")
    (settings.paths.reports / "holdout_metrics.json").write_text(json.dumps(results, indent=2, default=float))
    return results


if __name__ == "__main__":
    run(TrainSettings())
