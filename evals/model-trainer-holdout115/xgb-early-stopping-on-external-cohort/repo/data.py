import pandas as pd


def load_cohort(path, features, outcome):
    df = pd.read_parquet(path)
    # adults, first ICU stay of the hospitalisation, >= 24h of data for the APACHE-style window
    df = df[(df["age"] >= 18) & (df["icu_los_hours"] >= 24) & (df["icu_stay_seq"] == 1)]
    X = df[features].astype(float)
    y = df[outcome].astype(int)
    return X, y, df["patientunitstayid"]
