import json
import random
import tomllib

import numpy as np

from har.metrics import activity_metrics
from har.models import model_set
from har.validation import grouped_cv, subject_holdout
from har.windows import build_windows


def main():
    with open("har.toml", "rb") as fh:
        cfg = tomllib.load(fh)
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])

    windows = build_windows(cfg)
    dev, holdout = subject_holdout(windows, cfg["holdout_subjects"])
    feature_cols = [c for c in windows.columns if c not in ("subject", "session", "activity")]
    X_dev, y_dev = dev[feature_cols], dev["activity"]

    cv = {name: grouped_cv(m, X_dev, y_dev, dev["subject"], cfg["cv_folds"]) for name, m in model_set(cfg).items()}
    print(json.dumps(cv, indent=2))
    chosen = max((n for n in cv if n != "majority"), key=lambda n: cv[n]["macro_f1"])

    final_models = model_set(cfg)
    test = {}
    for name in (chosen, "majority"):
        fitted = final_models[name].fit(X_dev, y_dev)
        test[name] = activity_metrics(holdout["activity"], fitted.predict(holdout[feature_cols]))
    print("held-out subjects", cfg["holdout_subjects"], json.dumps(test, indent=2))


if __name__ == "__main__":
    main()
