"""Fit the X-learner on the loyalty-upgrade experiment and write a holdout report."""
import json
import sys

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

from xlearner import XLearner, auuc, uplift_at_fraction

COVARIATES = [
    "age", "tenure_months", "points_balance", "visits_90d", "spend_90d",
    "spend_365d", "pct_online_orders", "email_open_rate_90d", "store_distance_km",
]
TREATMENT, OUTCOME = "upgrade_offer", "spend_60d"


def bootstrap_ci(y, t, tau, n_boot=200, frac=0.25):
    stats = []
    n = len(y)
    for _ in range(n_boot):
        idx = np.random.choice(n, n, replace=True)
        stats.append(uplift_at_fraction(y[idx], t[idx], tau[idx], frac))
    return np.percentile(stats, [2.5, 97.5]).tolist()


def main(path):
    df = pd.read_parquet(path)
    X = df[COVARIATES].to_numpy()
    t = df[TREATMENT].to_numpy()
    y = df[OUTCOME].to_numpy(dtype=float)

    X_tr, X_te, t_tr, t_te, y_tr, y_te = train_test_split(X, t, y, test_size=0.3, stratify=t)

    model = XLearner().fit(X_tr, t_tr, y_tr)
    tau_te = model.predict(X_te)

    shuffled = np.random.permutation(tau_te)
    report = {
        "n_train": int(len(y_tr)),
        "n_test": int(len(y_te)),
        "ate_test_diff_in_means": float(y_te[t_te == 1].mean() - y_te[t_te == 0].mean()),
        "mean_predicted_cate": float(tau_te.mean()),
        "auuc": auuc(y_te, t_te, tau_te),
        "auuc_random": auuc(y_te, t_te, shuffled),
        "uplift_top25": uplift_at_fraction(y_te, t_te, tau_te, 0.25),
        "uplift_top25_ci": bootstrap_ci(y_te, t_te, tau_te),
    }
    print(json.dumps(report, indent=2))
    with open("xlearner_report.json", "w") as fh:
        json.dump(report, fh, indent=2)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/loyalty_upgrade_rct.parquet")
