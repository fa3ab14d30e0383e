import json
import logging
import random

import lightgbm as lgb
import numpy as np
import pandas as pd

from severity.io import load_claims, partition, settings
from severity.metrics import severity_metrics
from severity.target_encoding import OOFTargetEncoder

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("severity")


def design(frame, encoded, s):
    return pd.concat([frame[s["numeric"] + s["low_card"]], encoded], axis=1)


def main():
    s = settings()
    random.seed(s["seed"])
    np.random.seed(s["seed"])
    claims = load_claims(s)
    train, valid, test = partition(claims, s)
    y_tr, y_va, y_te = (part[s["target"]] for part in (train, valid, test))

    te = OOFTargetEncoder(s["high_card"], s["te"]["folds"], s["te"]["smoothing"], s["seed"])
    X_tr = design(train, te.fit_transform(train, y_tr), s)
    X_va = design(valid, te.transform(valid), s)
    X_te = design(test, te.transform(test), s)

    model = lgb.LGBMRegressor(random_state=s["seed"], verbose=-1, **s["lgbm"])
    model.fit(
        X_tr, y_tr,
        eval_set=[(X_va, y_va)],
        eval_metric="gamma_deviance",
        callbacks=[lgb.early_stopping(s["early_stopping"]), lgb.log_evaluation(250)],
    )

    mean_baseline = np.full(len(y_te), y_tr.mean())
    report = {
        "best_iteration": int(model.best_iteration_),
        "lgbm_test": severity_metrics(y_te, model.predict(X_te)),
        "mean_baseline_test": severity_metrics(y_te, mean_baseline),
    }
    log.info(json.dumps(report, indent=2))
    model.booster_.save_model("models/severity_lgbm.txt")


if __name__ == "__main__":
    main()
