"""Develop the 28-day mortality model for adult sepsis ICU admissions (TRIPOD type 1a).

Cohort: Sepsis-3 ICU admissions, one per patient, from the institutional data warehouse extract.
"""
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import shap

from metrics_utils import bootstrap_ci, calibration_table

SEED = 5
EXTRACT = Path("extracts/sepsis3_icu_2016_2022.parquet")
REPORT_DIR = Path("reports/sepsis_mortality_v2")

PREDICTORS = [
    "age", "sex_male", "charlson_index", "sofa_admission", "lactate_max_6h", "map_min_6h",
    "resp_rate_max_6h", "gcs_min_6h", "creatinine_max_6h", "bilirubin_max_6h", "platelets_min_6h",
    "vasopressor_6h", "mech_vent_6h", "source_pulmonary", "source_abdominal", "source_urinary",
    "community_acquired", "immunosuppressed", "nursing_home_resident",
]


def load_cohort() -> pd.DataFrame:
    df = pd.read_parquet(EXTRACT)
    df = df[(df["age"] >= 18) & (df["sepsis3"] == 1)]
    df = df.sort_values("icu_intime").drop_duplicates("patient_id", keep="first")
    df["died_28d"] = (df["days_to_death"] <= 28).fillna(False).astype(int)
    return df.reset_index(drop=True)


def main() -> None:
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    df = load_cohort()
    X, y = df[PREDICTORS], df["died_28d"]
    print(f"n={len(df)}, events={y.sum()} ({y.mean():.1%})")

    model = lgb.LGBMClassifier(
        n_estimators=350,
        learning_rate=0.03,
        num_leaves=15,
        min_child_samples=50,
        reg_lambda=2.0,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        random_state=SEED,
        verbose=-1,
    )
    model.fit(X, y)
    risk = model.predict_proba(X)[:, 1]

    performance = bootstrap_ci(y, risk, n_boot=2000, seed=SEED)
    calibration = calibration_table(y, risk)
    sofa_only = bootstrap_ci(y, df["sofa_admission"] / 24.0, n_boot=2000, seed=SEED)
    for k, v in performance.items():
        print(f"{k:6s} {v['estimate']:.3f} (95% CI {v['ci_low']:.3f}-{v['ci_high']:.3f})  "
              f"SOFA-only {sofa_only[k]['estimate']:.3f}")

    explainer = shap.TreeExplainer(model)
    shap_values = explainer.shap_values(X)
    if isinstance(shap_values, list):
        shap_values = shap_values[1]
    mean_abs = pd.Series(np.abs(shap_values).mean(0), index=PREDICTORS).sort_values(ascending=False)

    with open(REPORT_DIR / "internal_validation.json", "w") as f:
        json.dump({"n": int(len(df)), "events": int(y.sum()), "performance": performance,
                   "sofa_only": sofa_only, "calibration": calibration,
                   "shap_mean_abs": mean_abs.round(4).to_dict()}, f, indent=2)
    model.booster_.save_model(str(REPORT_DIR / "lgbm_sepsis28d.txt"))


if __name__ == "__main__":
    main()
