import pandas as pd

CAT_COLS = ["Pclass", "Sex", "Embarked", "Title", "Deck"]
NUM_COLS = ["Age", "Fare", "SibSp", "Parch", "FamilySize"]


def build_features(df: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=df.index)
    title = df["Name"].str.extract(r",\s*([^\.]+)\.", expand=False).str.strip()
    out["Title"] = title.where(title.isin(["Mr", "Mrs", "Miss", "Master"]), "Rare")
    out["Deck"] = df["Cabin"].str[0].fillna("U")
    out["Embarked"] = df["Embarked"].fillna("U")
    out["Pclass"] = df["Pclass"].astype(str)
    out["Sex"] = df["Sex"]
    out["FamilySize"] = df["SibSp"] + df["Parch"] + 1
    for col in ["Age", "Fare", "SibSp", "Parch"]:
        out[col] = df[col]
    return out[CAT_COLS + NUM_COLS]
