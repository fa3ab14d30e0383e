"""Probability-of-default scorecard for small-business credit lines.

Portfolio snapshot: ~41k facilities, 12-month default flag; roughly 1 facility in 25 defaults.
Fits a logit on WoE-free raw ratios with statsmodels so the risk team gets coefficients + p-values.
"""
import argparse

import numpy as np
import pandas as pd
import statsmodels.api as sm
from sklearn.model_selection import train_test_split

RATIOS = [
    "debt_to_equity", "current_ratio", "interest_coverage", "ebitda_margin",
    "days_past_due_max_12m", "utilisation", "years_in_business", "log_turnover",
]


def prepare(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["log_turnover"] = np.log1p(df["annual_turnover"].clip(lower=0))
    # winsorise ratios at fixed business-rule caps (not data-driven)
    df["debt_to_equity"] = df["debt_to_equity"].clip(-5, 20)
    df["interest_coverage"] = df["interest_coverage"].clip(-10, 50)
    df["current_ratio"] = df["current_ratio"].clip(0, 10)
    return df.dropna(subset=RATIOS + ["default_12m"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--snapshot", default="data/sme_facilities_2022q4.parquet")
    args = ap.parse_args()

    book = prepare(pd.read_parquet(args.snapshot))
    print(f"{len(book)} facilities, default rate {book['default_12m'].mean():.2%}")

    dev, holdout = train_test_split(book, test_size=0.3)

    X_dev = sm.add_constant(dev[RATIOS])
    logit = sm.Logit(dev["default_12m"], X_dev).fit(maxiter=200, disp=False)
    print(logit.summary2())

    X_hold = sm.add_constant(holdout[RATIOS])
    pd_hat = logit.predict(X_hold)
    predicted_default = (pd_hat > 0.5).astype(int)
    accuracy = (predicted_default == holdout["default_12m"]).mean()
    print(f"hold-out accuracy: {accuracy:.3f}")

    logit.save("models/sme_pd_logit.pickle")


if __name__ == "__main__":
    main()
