import pandas as pd

ID_COLS = ["employee_id", "manager_id", "snapshot_date"]
TARGET = "vol_exit_12m"
CATEGORICAL = ["division", "job_family", "grade", "country", "work_model", "gender_identity"]
EXCLUDE_FROM_MODEL = ["gender_identity"]


def load_frame(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df = df[df["is_eligible_population"]]
    for c in CATEGORICAL:
        df[c] = df[c].astype("category")
    return df


def xy(df: pd.DataFrame):
    drop = ID_COLS + [TARGET, "is_eligible_population"] + EXCLUDE_FROM_MODEL
    return df.drop(columns=drop), df[TARGET].astype(int)
