"""30-day readmission risk: interpretable logistic regression (statsmodels)."""
import argparse
import logging

import numpy as np
import pandas as pd
import statsmodels.api as sm
from sklearn.metrics import brier_score_loss, roc_auc_score, average_precision_score
from sklearn.model_selection import train_test_split

LOG = logging.getLogger("readmit")
TARGET = "readmit_30d"
CANDIDATES = [
    "age", "n_prior_admissions", "length_of_stay", "n_medications", "n_diagnoses",
    "charlson_index", "emergency_admit", "discharged_home", "hba1c_tested", "insulin",
    "lab_procedures", "outpatient_visits_1y", "ed_visits_1y", "female", "medicaid",
]


def backward_eliminate(data, features, target, alpha=0.05):
    """Drop the least significant feature until all p-values are below alpha."""
    kept = list(features)
    while kept:
        fit = sm.Logit(data[target], sm.add_constant(data[kept])).fit(disp=0)
        pvals = fit.pvalues.drop("const")
        worst = pvals.idxmax()
        if pvals[worst] < alpha:
            break
        LOG.info("dropping %s (p=%.3f)", worst, pvals[worst])
        kept.remove(worst)
    return kept


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/admissions.csv")
    ap.add_argument("--seed", type=int, default=2023)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    df = pd.read_csv(args.data)
    df["length_of_stay"] = np.log1p(df["length_of_stay"])
    df = df.dropna(subset=CANDIDATES + [TARGET])

    selected = backward_eliminate(df, CANDIDATES, TARGET, alpha=0.05)
    LOG.info("selected %d/%d features: %s", len(selected), len(CANDIDATES), selected)

    train, test = train_test_split(df, test_size=0.25, stratify=df[TARGET], random_state=args.seed)
    model = sm.Logit(train[TARGET], sm.add_constant(train[selected])).fit(disp=0)
    print(model.summary())

    p_test = model.predict(sm.add_constant(test[selected], has_constant="add"))
    prevalence = np.full(len(test), train[TARGET].mean())
    for name, p in [("logit", p_test), ("prevalence baseline", prevalence)]:
        print(f"{name:>20}: AUC={roc_auc_score(test[TARGET], p):.4f} "
              f"AP={average_precision_score(test[TARGET], p):.4f} "
              f"Brier={brier_score_loss(test[TARGET], p):.4f}")


if __name__ == "__main__":
    main()
