import numpy as np
import pandas as pd

SPEND = ["RoomService", "FoodCourt", "ShoppingMall", "Spa", "VRDeck"]
CATS = ["HomePlanet", "CryoSleep", "Destination", "VIP", "Deck", "Side"]


def build_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["Group"] = df["PassengerId"].str.split("_").str[0]
    df["GroupSize"] = df.groupby("Group")["PassengerId"].transform("count")
    cabin = df["Cabin"].str.split("/", expand=True)
    df["Deck"], df["CabinNum"], df["Side"] = cabin[0], pd.to_numeric(cabin[1]), cabin[2]
    df["TotalSpend"] = df[SPEND].sum(axis=1)
    df["NoSpend"] = (df["TotalSpend"] == 0).astype(int)
    for col in SPEND + ["TotalSpend"]:
        df[f"log_{col}"] = np.log1p(df[col])
    for col in CATS:
        df[col] = df[col].astype(str).astype("category")
    return df.drop(columns=["Cabin", "Name", "Group"])
