import pandas as pd


def load_confirmed_stays(path: str) -> pd.DataFrame:
    """Non-canceled stays with a positive rate; ADR of 0 are comps / house use."""
    df = pd.read_csv(path)
    df = df[(df["is_canceled"] == 0) & (df["adr"] > 0) & (df["adr"] < 1000)].copy()
    df["arrival_date"] = pd.to_datetime(
        df["arrival_date_year"].astype(str) + "-" + df["arrival_date_month"] + "-"
        + df["arrival_date_day_of_month"].astype(str), format="%Y-%B-%d")
    df["arrival_week"] = df["arrival_date_week_number"]
    df["arrival_dow"] = df["arrival_date"].dt.dayofweek
    df["arrival_month_name"] = df["arrival_date_month"]
    df["children"] = df["children"].fillna(0)
    return df


def to_lgb_frame(df: pd.DataFrame, categorical, numeric) -> pd.DataFrame:
    X = df[categorical + numeric].copy()
    for c in categorical:
        X[c] = pd.Categorical(X[c])
    return X


def align_categories(X: pd.DataFrame, reference: pd.DataFrame, categorical) -> pd.DataFrame:
    X = X.copy()
    for c in categorical:
        X[c] = pd.Categorical(X[c], categories=reference[c].cat.categories)
    return X
