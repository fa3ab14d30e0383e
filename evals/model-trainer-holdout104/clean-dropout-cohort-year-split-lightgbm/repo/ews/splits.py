import pandas as pd


def cohort_split(df: pd.DataFrame, col: str, train_years, valid_years, test_years):
    """Forward-in-time split by grade-9 entry cohort."""
    assert max(train_years) < min(valid_years) <= max(valid_years) < min(test_years)
    train = df[df[col].isin(train_years)]
    valid = df[df[col].isin(valid_years)]
    test = df[df[col].isin(test_years)]
    return train, valid, test


def current_rule_flag(df: pd.DataFrame) -> pd.Series:
    """District's existing on-track rule: chronic absence in grade 8 or any failed core course."""
    return ((df["attend_rate_g8"] < 0.90) | (df["n_fail_core_g8"] > 0)).astype(int)
