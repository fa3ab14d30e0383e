import numpy as np
import pandas as pd

RATIOS = {
    "current_ratio": ("current_assets", "current_liabilities"),
    "debt_to_equity": ("total_debt", "total_equity"),
    "interest_cover": ("ebit", "interest_expense"),
    "debt_to_ebitda": ("total_debt", "ebitda"),
    "ebitda_margin": ("ebitda", "turnover"),
    "cash_to_assets": ("cash", "total_assets"),
}
RAW = ["turnover", "years_trading", "num_employees", "director_count", "ccj_count_24m",
       "bureau_commercial_score", "facility_limit", "facility_utilisation", "days_beyond_terms"]
SECTOR = "sic_section"


def build_features(df):
    out = df[RAW].copy()
    for name, (num, den) in RATIOS.items():
        out[name] = df[num] / df[den].replace(0, np.nan)
    out["log_turnover"] = np.log1p(df["turnover"].clip(lower=0))
    out[SECTOR] = df[SECTOR].astype("category")
    return out
