"""Penalised Cox model for time-to-cancellation of B2B subscriptions."""
import argparse
import json
import logging

import matplotlib.pyplot as plt
import numpy as np
from sklearn.model_selection import train_test_split
from sksurv.nonparametric import kaplan_meier_estimator

from subsurv.data import load_subscribers
from subsurv.evaluate import eval_grid, km_metrics, survival_metrics
from subsurv.models import coxnet_search

log = logging.getLogger("subsurv")


def plot_km(y, path):
    """Descriptive KM curve of the whole cohort for the report (no model is fitted on it)."""
    t, s = kaplan_meier_estimator(y["cancelled"], y["tenure_days"])
    plt.step(t, s, where="post")
    plt.xlabel("days since signup")
    plt.ylabel("share still subscribed")
    plt.savefig(path, dpi=150)
    plt.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/subscribers.csv")
    ap.add_argument("--seed", type=int, default=611)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    np.random.seed(args.seed)

    X, y = load_subscribers(args.data)
    plot_km(y, "km_all_subscribers.png")

    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y["cancelled"],
                                              random_state=args.seed)
    search = coxnet_search(args.seed).fit(X_tr, y_tr)
    log.info("CV Harrell C %.3f at alpha %.4g", search.best_score_, search.best_params_["cox__alphas"][0])

    times = eval_grid(y_tr, y_te)
    results = {
        "kaplan-meier (no covariates)": km_metrics(y_tr, y_te, times),
        "coxnet": survival_metrics(search.best_estimator_, X_te, y_tr, y_te, times),
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
