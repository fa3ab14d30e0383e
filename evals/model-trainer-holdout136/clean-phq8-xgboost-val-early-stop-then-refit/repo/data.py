"""Feature building for the state adult health survey (one respondent per row)."""
import pandas as pd

PHQ8 = [f"phq8_{i}" for i in range(1, 9)]
ACE = [f"ace{i}" for i in range(1, 11)]      # yes/no adverse childhood experiences
LIFESTYLE = ["sleep_hours", "phys_activity_days", "alcohol_drinks_week", "smoker_current",
             "bmi", "screen_hours"]
HEALTH = ["n_chronic_conditions", "self_rated_health", "poor_physical_days_30",
          "disability_any", "no_insurance"]
SOCIAL = ["lonely_often", "social_support_freq", "food_insecure", "income_band",
          "education_level", "employed", "married", "lgbt"]
DEMO = ["age", "female", "urban"]


def load(path: str, target: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    # PHQ-8 total needs all eight items, as in the published scoring
    df[target] = df[PHQ8].sum(axis=1, min_count=8)
    df = df.dropna(subset=[target]).reset_index(drop=True)
    df["ace_score"] = df[ACE].sum(axis=1, min_count=8)
    df["any_ace_4plus"] = (df["ace_score"] >= 4).astype("float").where(df["ace_score"].notna())
    return df


def features() -> list:
    return ACE + ["ace_score", "any_ace_4plus"] + LIFESTYLE + HEALTH + SOCIAL + DEMO
