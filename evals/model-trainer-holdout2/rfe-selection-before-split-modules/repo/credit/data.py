"""Loading and basic cleaning of the loan book extract."""
from pathlib import Path

import pandas as pd

CATEGORICAL = ["grade", "home_ownership", "purpose", "emp_length"]
TARGET = "charged_off"


def load_loans(path: Path) -> pd.DataFrame:
    loans = pd.read_parquet(path)
    loans = loans.drop_duplicates(subset="loan_id")
    loans["int_rate"] = loans["int_rate"].str.rstrip("%").astype(float)
    loans["term_months"] = loans["term"].str.extract(r"(\d+)", expand=False).astype(int)
    return loans.drop(columns=["term", "loan_id"])
