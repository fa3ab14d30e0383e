"""Sepsis-3 first-ICU-stay cohort and 30-day mortality label (MIMIC-IV 2.2)."""
import pandas as pd

VITAL_COLS = ["heart_rate_mean", "sbp_mean", "resp_rate_mean", "temperature_mean", "spo2_mean"]


def load(paths: dict) -> dict:
    m, d = paths["mimic"], paths["derived"]
    return {
        "icustays": pd.read_csv(f"{m}/icu/icustays.csv.gz", parse_dates=["intime", "outtime"]),
        "patients": pd.read_csv(f"{m}/hosp/patients.csv.gz", parse_dates=["dod"]),
        "sepsis3": pd.read_csv(f"{d}/sepsis3.csv.gz"),
        "first_day": pd.read_csv(f"{d}/first_day_features.csv.gz"),
        "code_status": pd.read_csv(f"{d}/code_status_first_day.csv.gz"),
    }


def build_cohort(tables: dict, rules: dict) -> tuple[pd.DataFrame, dict]:
    flow = {}
    stays = tables["icustays"].merge(tables["patients"], on="subject_id")
    stays["age"] = stays["anchor_age"] + (stays["intime"].dt.year - stays["anchor_year"])
    flow["all_icu_stays"] = len(stays)

    stays = stays[stays["stay_id"].isin(tables["sepsis3"].loc[tables["sepsis3"]["sepsis3"], "stay_id"])]
    flow["sepsis3"] = len(stays)

    stays = stays.sort_values(["subject_id", "intime"])
    stays = stays[stays.groupby("subject_id").cumcount() == 0]
    flow["first_stay"] = len(stays)

    stays = stays[stays["age"] >= rules["min_age"]]
    icu_hours = (stays["outtime"] - stays["intime"]).dt.total_seconds() / 3600
    stays = stays[icu_hours >= rules["min_icu_hours"]]
    flow["adult_24h"] = len(stays)

    if rules["exclude_comfort_care_first_day"]:
        cmo = tables["code_status"].query("comfort_measures_only == 1")["stay_id"]
        stays = stays[~stays["stay_id"].isin(cmo)]
        flow["no_cmo"] = len(stays)

    df = stays.merge(tables["first_day"], on="stay_id", how="inner")
    df = df[df[VITAL_COLS].isna().mean(axis=1) <= rules["max_missing_vital_frac"]]
    flow["vitals_available"] = len(df)

    days_to_death = (df["dod"] - df["intime"].dt.normalize()).dt.days
    df["mortality_30d"] = days_to_death.le(30).fillna(False).astype(int)
    df = df.drop(columns=["dod", "outtime", "los"])
    return df.reset_index(drop=True), flow
