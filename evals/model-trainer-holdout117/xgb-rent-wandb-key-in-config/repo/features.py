import numpy as np
import pandas as pd

NUMERIC = ["livingSpace", "noRooms", "floor", "numberOfFloors", "yearConstructed",
           "serviceCharge", "picturecount", "thermalChar"]
BOOLS = ["balcony", "hasKitchen", "cellar", "lift", "garden", "newlyConst"]
CATEG = ["regio1", "regio2", "heatingType", "condition", "typeOfFlat", "interiorQual"]


def clean(df):
    df = df[df["baseRent"].between(100, 8000) & df["livingSpace"].between(10, 400)].copy()
    for c in BOOLS:
        df[c] = df[c].astype(float)
    df["log_space"] = np.log(df["livingSpace"])
    df["age"] = 2020 - df["yearConstructed"]
    return df


def feature_frame(df):
    X = df[NUMERIC + BOOLS + CATEG + ["log_space", "age"]].copy()
    for c in CATEG:
        X[c] = X[c].astype("category")
    return X
