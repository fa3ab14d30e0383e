"""DVC stage: clean raw claims and produce the modelling table."""
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from imblearn.over_sampling import SMOTE

NUMERIC = [
    "claim_amount",
    "policy_age_days",
    "vehicle_age_years",
    "prior_claims_3y",
    "days_to_report",
    "repair_quote_ratio",
    "insured_age",
    "n_parties_involved",
]
TARGET = "is_fraud"
OUT = Path("data/prepared/claims.parquet")


def clean(df: pd.DataFrame, min_amount: float) -> pd.DataFrame:
    df = df.dropna(subset=[TARGET, "claim_amount"])
    df = df[df["claim_amount"] >= min_amount].copy()
    df["days_to_report"] = df["days_to_report"].clip(lower=0, upper=365)
    df["repair_quote_ratio"] = df["repair_quote"] / df["claim_amount"]
    df["log_claim_amount"] = np.log1p(df["claim_amount"])
    df["n_parties_involved"] = df["n_parties_involved"].fillna(1)
    return df


def main() -> None:
    params = yaml.safe_load(open("params.yaml"))
    p = params["prepare"]

    raw = pd.read_parquet(p["raw_path"])
    df = clean(raw, p["min_claim_amount"])
    features = NUMERIC + ["log_claim_amount"]
    df = df.dropna(subset=features)
    print(f"{len(df)} claims after cleaning, fraud rate {df[TARGET].mean():.4f}")

    X, y = df[features], df[TARGET].astype(int)
    if p["balance"]:
        smote = SMOTE(k_neighbors=p["smote_k_neighbors"], random_state=params["seed"])
        X, y = smote.fit_resample(X, y)
        print(f"{len(X)} rows after SMOTE, fraud rate {y.mean():.4f}")

    out = X.copy()
    out[TARGET] = y.values
    OUT.parent.mkdir(parents=True, exist_ok=True)
    out.to_parquet(OUT, index=False)


if __name__ == "__main__":
    main()
