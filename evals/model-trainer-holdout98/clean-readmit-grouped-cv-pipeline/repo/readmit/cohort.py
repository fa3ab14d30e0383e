import pandas as pd

EXCLUDE_DISPOSITIONS = [11, 13, 14, 19, 20, 21]  # expired / hospice
NUMERIC = [
    "time_in_hospital", "num_lab_procedures", "num_procedures", "num_medications",
    "number_outpatient", "number_emergency", "number_inpatient", "number_diagnoses", "age_mid",
]
CATEGORICAL = [
    "race", "gender", "admission_type_id", "discharge_disposition_id", "admission_source_id",
    "A1Cresult", "max_glu_serum", "insulin", "change", "diabetesMed", "diag_1_chapter",
]


def icd9_chapter(code: pd.Series) -> pd.Series:
    numeric = pd.to_numeric(code, errors="coerce")
    bins = [0, 140, 240, 280, 290, 320, 390, 460, 520, 580, 630, 680, 710, 740, 760, 780, 800, 1000]
    chapter = pd.cut(numeric, bins=bins, right=False).astype(str)
    chapter[code.astype(str).str.startswith("V")] = "V"
    chapter[code.astype(str).str.startswith("E")] = "E"
    return chapter


def load_cohort(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, na_values=["?", "Unknown/Invalid"])
    df = df[~df["discharge_disposition_id"].isin(EXCLUDE_DISPOSITIONS)].copy()
    df["readmit_30d"] = (df["readmitted"] == "<30").astype(int)
    df["age_mid"] = df["age"].str.extract(r"\[(\d+)-").astype(float)[0] + 5
    df["diag_1_chapter"] = icd9_chapter(df["diag_1"])
    for col in CATEGORICAL:
        df[col] = df[col].astype(str)
    return df.reset_index(drop=True)
