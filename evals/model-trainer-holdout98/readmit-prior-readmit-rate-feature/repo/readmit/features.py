import pandas as pd

from readmit.data import icd9_group

MED_COLUMNS = [
    "metformin", "repaglinide", "glimepiride", "glipizide", "glyburide",
    "pioglitazone", "rosiglitazone", "insulin",
]
NUMERIC = [
    "age_mid", "time_in_hospital", "num_lab_procedures", "num_procedures",
    "num_medications", "number_outpatient", "number_emergency",
    "number_inpatient", "number_diagnoses",
]
CATEGORICAL = [
    "race", "gender", "admission_type_id", "admission_source_id",
    "discharge_disposition_id", "A1Cresult", "max_glu_serum",
    "diag_1_group", "diag_2_group", "diag_3_group", "change", "diabetesMed",
]


def add_diagnosis_groups(df: pd.DataFrame) -> pd.DataFrame:
    for col in ("diag_1", "diag_2", "diag_3"):
        df[f"{col}_group"] = df[col].map(icd9_group)
    return df


def add_medication_counts(df: pd.DataFrame) -> pd.DataFrame:
    meds = df[MED_COLUMNS]
    df["n_meds_active"] = (meds != "No").sum(axis=1)
    df["n_meds_changed"] = meds.isin(["Up", "Down"]).sum(axis=1)
    return df


def add_patient_history(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(["patient_nbr", "encounter_id"]).copy()
    by_patient = df.groupby("patient_nbr")
    df["prior_encounters"] = by_patient.cumcount()
    df["prior_readmit_rate"] = by_patient["readmit_30d"].transform("mean")
    df["total_prior_visits"] = (
        df["number_outpatient"] + df["number_emergency"] + df["number_inpatient"]
    )
    return df


def build_features(df: pd.DataFrame) -> pd.DataFrame:
    df = add_diagnosis_groups(df)
    df = add_medication_counts(df)
    df = add_patient_history(df)
    for col in CATEGORICAL:
        df[col] = df[col].astype(str)
    return df


def feature_columns() -> tuple[list[str], list[str]]:
    numeric = NUMERIC + [
        "n_meds_active", "n_meds_changed", "prior_encounters",
        "prior_readmit_rate", "total_prior_visits",
    ]
    return numeric, CATEGORICAL
