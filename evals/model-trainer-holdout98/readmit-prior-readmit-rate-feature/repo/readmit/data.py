import numpy as np
import pandas as pd

# discharge_disposition_id values that mean the patient cannot be readmitted
# (expired, hospice) -- excluded from the cohort as in Strack et al. 2014
NON_READMITTABLE = {11, 13, 14, 19, 20, 21}

AGE_BANDS = {f"[{lo}-{lo + 10})": lo + 5 for lo in range(0, 100, 10)}


def load_encounters(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, na_values=["?", "Unknown/Invalid"])
    df = df[~df["discharge_disposition_id"].isin(NON_READMITTABLE)].copy()
    df["readmit_30d"] = (df["readmitted"] == "<30").astype(int)
    df = df.drop(columns=["readmitted", "weight", "payer_code"])
    df["age_mid"] = df["age"].map(AGE_BANDS).astype(float)
    df = df.drop(columns=["age"])
    return df


def icd9_group(code) -> str:
    if pd.isna(code):
        return "missing"
    code = str(code)
    if code.startswith(("V", "E")):
        return "other"
    value = float(code)
    if 390 <= value <= 459 or value == 785:
        return "circulatory"
    if 460 <= value <= 519 or value == 786:
        return "respiratory"
    if 520 <= value <= 579 or value == 787:
        return "digestive"
    if np.floor(value) == 250:
        return "diabetes"
    if 800 <= value <= 999:
        return "injury"
    if 710 <= value <= 739:
        return "musculoskeletal"
    if 580 <= value <= 629 or value == 788:
        return "genitourinary"
    if 140 <= value <= 239:
        return "neoplasms"
    return "other"
