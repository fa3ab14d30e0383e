"""Feature engineering shared by training and submission."""
import pandas as pd

CATEGORICAL = ["Sex", "Embarked", "Title", "Pclass"]
NUMERIC = ["Age", "Fare", "SibSp", "Parch", "FamilySize"]


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["Title"] = df["Name"].str.extract(r",\s*([^\.]+)\.", expand=False).str.strip()
    df["Title"] = df["Title"].replace({"Mlle": "Miss", "Ms": "Miss", "Mme": "Mrs"})
    df.loc[~df["Title"].isin(["Mr", "Mrs", "Miss", "Master"]), "Title"] = "Rare"
    df["FamilySize"] = df["SibSp"] + df["Parch"] + 1
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df[CATEGORICAL + NUMERIC]
