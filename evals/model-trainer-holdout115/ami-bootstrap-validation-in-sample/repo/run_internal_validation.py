"""Fit the final AMI mortality model on the full registry and run bootstrap internal validation.

Usage: python run_internal_validation.py --registry data/ami_registry_2015_2022.csv --boot 500
"""
import argparse
import json

import pandas as pd
from sklearn.metrics import roc_auc_score

from model import fit_model, predict_risk
from validation import bootstrap_validate

OUTCOME = "died_in_hospital"


def load(path):
    df = pd.read_csv(path)
    df = df[(df["age"] >= 18) & (df["transfer_in"] == 0)]
    df = df.dropna(subset=["heart_rate", "sbp", "creatinine", "killip_class"])
    return df.reset_index(drop=True)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--registry", default="data/ami_registry_2015_2022.csv")
    ap.add_argument("--boot", type=int, default=500)
    ap.add_argument("--seed", type=int, default=2021)
    args = ap.parse_args()

    df = load(args.registry)
    print(f"n={len(df)}, deaths={int(df[OUTCOME].sum())} ({df[OUTCOME].mean():.1%})")

    final = fit_model(df)
    print(final.summary())
    apparent_auc = roc_auc_score(df[OUTCOME], predict_risk(final, df))

    bv = bootstrap_validate(df, OUTCOME, n_boot=args.boot, seed=args.seed)
    report = {
        "apparent_auc": apparent_auc,
        "bootstrap_validated_auc": bv["auc_mean"],
        "bootstrap_auc_95ci": bv["auc_ci"],
        "bootstrap_calibration_slope": bv["slope_mean"],
        "bootstrap_slope_95ci": bv["slope_ci"],
    }
    print(json.dumps(report, indent=2))
    with open("results/internal_validation.json", "w") as f:
        json.dump(report, f, indent=2)
    final.save("results/ami_mortality_glm.pickle")
