"""Raw loaders for the mixed-type UCI datasets of Chapter 4. No fitted preprocessing happens here."""
import pandas as pd

ROOT = "data/uci"


def _binary(series, positive):
    return series.isin(positive).astype(int).values


def load(name):
    """Return X (DataFrame), y (0/1 array), list of categorical column names."""
    if name == "credit-approval":
        df = pd.read_csv(f"{ROOT}/crx.data", header=None, na_values="?")
        df.columns = [f"A{i}" for i in range(1, 17)]
        y = _binary(df.pop("A16"), {"+"})
        cat = ["A1", "A4", "A5", "A6", "A7", "A9", "A10", "A12", "A13"]
    elif name == "german-credit":
        df = pd.read_csv(f"{ROOT}/german.data", header=None, sep=" ")
        df.columns = [f"A{i}" for i in range(1, 22)]
        y = _binary(df.pop("A21"), {2})
        cat = [c for c in df.columns if df[c].dtype == object]
    elif name == "heart-cleveland":
        df = pd.read_csv(f"{ROOT}/processed.cleveland.data", header=None, na_values="?")
        df.columns = ["age", "sex", "cp", "trestbps", "chol", "fbs", "restecg", "thalach",
                      "exang", "oldpeak", "slope", "ca", "thal", "num"]
        y = (df.pop("num") > 0).astype(int).values
        cat = ["cp", "restecg", "slope", "thal"]
    elif name == "hepatitis":
        df = pd.read_csv(f"{ROOT}/hepatitis.data", header=None, na_values="?")
        df.columns = ["class"] + [f"A{i}" for i in range(2, 21)]
        y = _binary(df.pop("class"), {1})
        cat = []
    else:
        raise KeyError(name)
    for c in cat:
        df[c] = df[c].astype(str)
    return df, y, cat


DATASETS = ["credit-approval", "german-credit", "heart-cleveland", "hepatitis"]
