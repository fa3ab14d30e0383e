"""Grade-9 on-track indicator: logistic early-warning model.

Fits the district's dropout early-warning logit on the 2015-2018 entering grade-9 cohorts
(outcome: no diploma within 5 years) and writes the scoring artefact used in the fall
roster refresh for the incoming cohort.
"""
import pickle
from pathlib import Path

import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import accuracy_score, confusion_matrix, roc_auc_score, recall_score

COHORT_FILE = Path("data/g9_cohorts_2015_2018.csv")
ARTIFACT = Path("artifacts/ews_logit_v4.pkl")

FORMULA = (
    "no_diploma_5y ~ attend_rate_g8 + I(attend_rate_g8**2) + gpa_g8 + n_fail_core_g8"
    " + suspended_g8 + over_age + C(ell_status) + C(sped) + frl"
    " + n_school_changes_k8 + C(entry_school, Treatment(reference='HS01'))"
)


def prepare(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out = out[out["transferred_out_of_district"] == 0]
    out["attend_rate_g8"] = out["days_present_g8"] / out["days_enrolled_g8"].clip(lower=1)
    out["over_age"] = (out["age_on_sep1_g9"] >= 15.5).astype(int)
    out["gpa_g8"] = out["gpa_g8"].fillna(out.groupby("middle_school")["gpa_g8"].transform("median"))
    return out.dropna(subset=["attend_rate_g8", "gpa_g8", "n_fail_core_g8"])


def main() -> None:
    cohorts = prepare(pd.read_csv(COHORT_FILE))
    print(f"students: {len(cohorts)}; dropout rate {cohorts['no_diploma_5y'].mean():.3f}")

    model = smf.logit(FORMULA, data=cohorts).fit(
        cov_type="cluster", cov_kwds={"groups": cohorts["entry_school"].astype("category").cat.codes},
        maxiter=200, disp=False,
    )
    print(model.summary())

    odds = np.exp(model.params).rename("odds_ratio").to_frame()
    odds[["ci_low", "ci_high"]] = np.exp(model.conf_int())
    print(odds.round(3))

    p_hat = model.predict(cohorts)
    flag = (p_hat >= 0.5).astype(int)
    y = cohorts["no_diploma_5y"]
    print("Model performance")
    print(f"  AUC        {roc_auc_score(y, p_hat):.3f}")
    print(f"  accuracy   {accuracy_score(y, flag):.3f}")
    print(f"  recall     {recall_score(y, flag):.3f}")
    print(confusion_matrix(y, flag))

    ARTIFACT.parent.mkdir(parents=True, exist_ok=True)
    model.remove_data()
    with ARTIFACT.open("wb") as fh:
        pickle.dump({"model": model, "formula": FORMULA, "threshold": 0.5}, fh)


if __name__ == "__main__":
    main()
