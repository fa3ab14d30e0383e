"""Feature engineering for the Playground S4E10 loan approval data."""
import pandas as pd

CAT_COLS = [
    "person_home_ownership",
    "loan_intent",
    "loan_grade",
    "cb_person_default_on_file",
]


def add_ratio_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["income_per_emp_year"] = df["person_income"] / (df["person_emp_length"] + 1)
    df["amnt_to_income"] = df["loan_amnt"] / df["person_income"]
    df["rate_x_pct_income"] = df["loan_int_rate"] * df["loan_percent_income"]
    df["hist_to_age"] = df["cb_person_cred_hist_length"] / df["person_age"]
    return df


def add_combo_columns(train, test, pairs):
    train, test = train.copy(), test.copy()
    names = []
    for a, b in pairs:
        name = f"{a}__{b}"
        train[name] = train[a].astype(str) + "_" + train[b].astype(str)
        test[name] = test[a].astype(str) + "_" + test[b].astype(str)
        names.append(name)
    return train, test, names


def smoothed_target_mean(df, col, target, alpha=20.0):
    prior = df[target].mean()
    stats = df.groupby(col)[target].agg(["sum", "count"])
    enc = (stats["sum"] + prior * alpha) / (stats["count"] + alpha)
    return enc, prior


def add_target_encoding(train, test, cols, target, alpha=20.0):
    train, test = train.copy(), test.copy()
    for col in cols:
        enc, prior = smoothed_target_mean(train, col, target, alpha)
        train[f"{col}_te"] = train[col].map(enc).fillna(prior).astype(float)
        test[f"{col}_te"] = test[col].map(enc).fillna(prior).astype(float)
    return train, test


def encode_categoricals(train, test, cols):
    for col in cols:
        cats = pd.Categorical(train[col]).categories
        train[col] = pd.Categorical(train[col], categories=cats)
        test[col] = pd.Categorical(test[col], categories=cats)
    return train, test
