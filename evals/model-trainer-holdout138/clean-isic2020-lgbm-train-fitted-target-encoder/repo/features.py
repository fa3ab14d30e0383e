import numpy as np
import pandas as pd

CAT_COLS = ["anatom_site_general_challenge", "sex"]
NUM_COLS = ["age_approx", "n_images_patient", "age_rank_in_patient", "lesion_area_frac", "border_irregularity",
            "colour_variegation", "variegation_rel_patient"]


def basic_clean(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["anatom_site_general_challenge"] = out["anatom_site_general_challenge"].fillna("missing")
    out["sex"] = out["sex"].fillna("missing")
    return out


def patient_features(df: pd.DataFrame) -> pd.DataFrame:
    """Context from the same patient's other lesions (no labels involved)."""
    g = df.groupby("patient_id")
    df["n_images_patient"] = g["image_name"].transform("count")
    df["age_rank_in_patient"] = g["age_approx"].rank(method="dense", pct=True)
    # colour variegation relative to the patient's other moles ("ugly duckling" signal)
    df["variegation_rel_patient"] = df["colour_variegation"] / (g["colour_variegation"].transform("median") + 1e-6)
    return df


def split_patients(df: pd.DataFrame, frac: float, seed: int):
    rng = np.random.default_rng(seed)
    patients = df["patient_id"].unique()
    held = set(rng.choice(patients, size=int(len(patients) * frac), replace=False))
    mask = df["patient_id"].isin(held)
    return df[~mask].copy(), df[mask].copy()
