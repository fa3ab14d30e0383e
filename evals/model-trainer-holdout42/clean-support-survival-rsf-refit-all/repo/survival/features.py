import pandas as pd

NUMERIC = ["age", "num_co", "scoma", "meanbp", "hrt", "resp", "temp", "pafi", "alb", "bili",
           "crea", "sod", "wblc", "adlsc"]
CATEGORICAL = ["sex", "dzgroup", "race", "ca"]

# SUPPORT "normal" fill-in values recommended by the study authors for missing physiology
NORMAL_VALUES = {"alb": 3.5, "pafi": 333.3, "bili": 1.01, "crea": 1.01, "wblc": 9.0}


def prepare(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df = df.fillna(value=NORMAL_VALUES)
    for col in CATEGORICAL:
        df[col] = df[col].fillna("missing").astype(str)
    return df[NUMERIC + CATEGORICAL]
