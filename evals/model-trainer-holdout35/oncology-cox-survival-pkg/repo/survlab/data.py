import numpy as np
import pandas as pd

STAGES = ["I", "II", "III", "IV"]


def load_registry(path: str) -> pd.DataFrame:
    df = pd.read_csv(path)
    df = df[df["os_months"] > 0].copy()
    stage = pd.Categorical(df["stage"], categories=STAGES)
    dummies = pd.get_dummies(stage, prefix="stage", drop_first=True).astype(int)
    dummies.index = df.index
    df = pd.concat([df, dummies], axis=1)
    df["cea"] = np.log1p(df["cea_ng_ml"])
    df["male"] = (df["sex"] == "M").astype(int)
    df["grade_high"] = df["grade"].isin(["G3", "G4"]).astype(int)
    return df
