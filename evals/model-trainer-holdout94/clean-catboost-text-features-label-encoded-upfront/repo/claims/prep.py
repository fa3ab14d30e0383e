"""Cleaning helpers for first-notice-of-loss claim notes."""
import re

import pandas as pd

POLICY_NO = re.compile(r"\b[A-Z]{2}\d{6,}\b")
PLATE = re.compile(r"\b[A-Z]{1,3}[- ]?\d{1,4}[- ]?[A-Z]{0,3}\b")
MULTISPACE = re.compile(r"\s+")

TEXT_COL = "loss_description"
CAT_COLS = ["channel", "product_line", "region"]
NUM_COLS = ["policy_age_days", "claimed_amount"]


def clean_note(text: str) -> str:
    text = POLICY_NO.sub(" POLICYNO ", text)
    text = PLATE.sub(" PLATE ", text)
    return MULTISPACE.sub(" ", text).strip().lower()


def load_claims(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, dtype={c: "string" for c in CAT_COLS})
    df = df.dropna(subset=[TEXT_COL, "claim_type"])
    df[TEXT_COL] = df[TEXT_COL].map(clean_note)
    df[CAT_COLS] = df[CAT_COLS].fillna("unknown")
    return df.drop_duplicates(subset=[TEXT_COL, "claim_type"]).reset_index(drop=True)
