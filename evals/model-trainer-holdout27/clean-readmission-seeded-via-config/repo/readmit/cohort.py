import pandas as pd

NUMERIC = ["age", "length_of_stay", "n_diagnoses", "n_procedures", "n_medications", "prior_admissions_12m", "hba1c", "creatinine"]
CATEGORICAL = ["admission_type", "discharge_disposition", "payer", "primary_dx_group", "sex"]


def build_cohort(cfg) -> pd.DataFrame:
    adm = pd.read_parquet(cfg.admissions)
    adm = adm[adm["discharge_disposition"] != "expired"]
    adm[cfg.label] = adm[cfg.label].astype(int)
    return adm.reset_index(drop=True)
