"""External validation of the site-A readmission model in the partner health systems."""
import json
import sys

import joblib
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import yaml

from valmetrics import auc_with_ci, calibration_measures, flexible_calibration_curve, net_benefit


def main(cfg_path="validation.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    pipe = joblib.load(cfg["model_artifact"])
    spec = json.load(open(cfg["feature_spec"]))
    rng = np.random.default_rng(cfg["seed"])
    thresholds = np.arange(*cfg["dca_thresholds"])

    fig, ax = plt.subplots(figsize=(5, 5))
    ax.plot([0, 0.6], [0, 0.6], ls="--", c="grey")
    results = {}
    for cohort in cfg["external_cohorts"]:
        df = pd.read_parquet(cohort["path"])
        df = df[df["age"] >= 18]
        missing = [c for c in spec["features"] if c not in df.columns]
        if missing:
            sys.exit(f"{cohort['name']}: missing features {missing}")

        y = df[cfg["outcome"]].to_numpy(dtype=int)
        p = pipe.predict_proba(df[spec["features"]])[:, 1]

        auc, auc_ci, brier = auc_with_ci(y, p, cfg["n_boot_ci"], rng)
        cal = calibration_measures(y, p)
        nb = net_benefit(y, p, thresholds)
        results[cohort["name"]] = {"n": int(len(y)), "events": int(y.sum()), "auc": auc,
                                   "auc_95ci": auc_ci, "brier": brier, **cal,
                                   "net_benefit": [[round(t, 2), nb_m, nb_all] for t, nb_m, nb_all in nb]}

        xs, ys = flexible_calibration_curve(y, p)
        ax.plot(xs, ys, label=f"{cohort['name']} (slope {cal['cal_slope']:.2f})")

    ax.set_xlabel("predicted risk"); ax.set_ylabel("observed proportion"); ax.legend()
    fig.savefig("results/external_calibration.png", dpi=200, bbox_inches="tight")
    json.dump(results, open("results/external_validation.json", "w"), indent=2, default=float)
    for name, r in results.items():
        print(f"{name}: AUC {r['auc']:.3f} {r['auc_95ci']}  slope {r['cal_slope']:.2f}  CITL {r['citl']:.2f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
