"""Deterministic TM scenarios (thresholds from the 2023 tuning memo)."""
import pandas as pd

SCENARIOS = {
    "STRUCT_01": "3+ cash deposits between 8,000 and 9,999 within 5 days",
    "RAPID_02": ">= 80% of inbound funds moved out within 48h, inbound >= 25,000",
    "HRJ_03": "wire to/from high-risk jurisdiction >= 10,000",
    "DORM_04": "dormant account (>180d) with inbound >= 50,000 within 30 days of reactivation",
}


def structuring(df: pd.DataFrame) -> pd.Series:
    return df["n_cash_dep_8k_10k_5d"] >= 3


def rapid_movement(df):
    return (df["inbound_amt_48h"] >= 25_000) & (df["outbound_amt_48h"] >= 0.8 * df["inbound_amt_48h"])


def high_risk_jurisdiction(df):
    return df["hrj_wire_amt"] >= 10_000


def dormant_reactivation(df):
    return (df["days_dormant_before"] > 180) & (df["inbound_amt_30d_post_reactivation"] >= 50_000)


RULES = {
    "STRUCT_01": structuring,
    "RAPID_02": rapid_movement,
    "HRJ_03": high_risk_jurisdiction,
    "DORM_04": dormant_reactivation,
}


def apply_rules(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for code, fn in RULES.items():
        out[f"hit_{code}"] = fn(df).astype(int)
    out["n_rule_hits"] = out[[f"hit_{c}" for c in RULES]].sum(axis=1)
    return out
