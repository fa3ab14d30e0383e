import pandas as pd
from sklearn.model_selection import train_test_split

TARGET = "left_within_12m"
CATEGORICAL = ["department", "job_role", "education_field", "marital_status", "business_travel", "office"]
NUMERIC = [
    "age",
    "monthly_income",
    "years_at_company",
    "years_since_last_promotion",
    "overtime_hours_90d",
    "satisfaction_score",
    "num_companies_worked",
    "distance_from_home_km",
]


def load(path: str) -> pd.DataFrame:
    df = pd.read_csv(path)
    df[CATEGORICAL] = df[CATEGORICAL].fillna("unknown").astype(str)
    return df


def split(df: pd.DataFrame, test_size: float, val_size: float, seed: int):
    rest, test = train_test_split(df, test_size=test_size, stratify=df[TARGET], random_state=seed)
    train, val = train_test_split(
        rest, test_size=val_size / (1 - test_size), stratify=rest[TARGET], random_state=seed
    )
    return train, val, test
