"""30-day unplanned readmission, scored when the discharge order is signed.

Because the prediction time is discharge, whole-stay information (length of stay,
discharge disposition, procedures and meds during the stay) is available to the model.
Validation is prospective-style: train on discharges before the cutoff, test after it,
dropping training discharges whose 30-day outcome window reaches past the cutoff.
"""
import argparse

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

SEED = 30
NUMERIC = ["age", "los_days", "n_procedures", "n_discharge_meds", "n_new_meds", "charlson",
           "n_ed_visits_6m", "n_admits_12m", "hgb_discharge", "sodium_discharge", "icu_days"]
CATEGORICAL = ["discharge_disposition", "admit_source", "payer", "discharge_service"]
EXCLUDE_DISPOSITIONS = {"expired", "hospice_home", "hospice_facility", "left_ama"}


def lace_score(df):
    """LACE index (van Walraven 2010) computed from the same discharge-time fields."""
    los = df["los_days"]
    l_pts = np.select([los < 1, los <= 3, los <= 6, los <= 13], [0, los.clip(1, 3), 4, 5], 7)
    a_pts = 3 * (df["admit_source"] == "emergency").astype(int)
    c_pts = np.where(df["charlson"] >= 4, 5, df["charlson"])
    e_pts = np.minimum(df["n_ed_visits_6m"], 4)
    return l_pts + a_pts + c_pts + e_pts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/discharges_2017_2023.parquet")
    ap.add_argument("--cutoff", default="2022-07-01")
    args = ap.parse_args()
    np.random.seed(SEED)

    df = pd.read_parquet(args.data)
    df["discharge_time"] = pd.to_datetime(df["discharge_time"])
    df = df[~df["discharge_disposition"].isin(EXCLUDE_DISPOSITIONS) & (df["age"] >= 18)]
    df = df.sort_values("discharge_time").reset_index(drop=True)

    cutoff = pd.Timestamp(args.cutoff)
    outcome_known = df["discharge_time"] + pd.Timedelta(days=30) <= cutoff
    train = df[outcome_known]
    test = df[df["discharge_time"] >= cutoff]
    print(f"train {len(train)} ({train['readmit_30d'].mean():.3f})  test {len(test)} ({test['readmit_30d'].mean():.3f})")

    prep = ColumnTransformer([
        ("num", "passthrough", NUMERIC),
        ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                               encoded_missing_value=-1), CATEGORICAL),
    ])
    cat_mask = [False] * len(NUMERIC) + [True] * len(CATEGORICAL)
    pipe = Pipeline([("prep", prep),
                     ("clf", HistGradientBoostingClassifier(categorical_features=cat_mask, max_iter=600,
                                                            early_stopping=True, random_state=SEED))])
    grid = {"clf__learning_rate": [0.03, 0.08], "clf__max_leaf_nodes": [15, 31], "clf__min_samples_leaf": [50, 200]}
    search = GridSearchCV(pipe, grid, cv=TimeSeriesSplit(n_splits=4), scoring="average_precision", n_jobs=-1)
    search.fit(train[NUMERIC + CATEGORICAL], train["readmit_30d"])
    print("best:", search.best_params_, round(search.best_score_, 4))

    y_test = test["readmit_30d"].to_numpy()
    p_model = search.predict_proba(test[NUMERIC + CATEGORICAL])[:, 1]
    p_lace = lace_score(test)
    for name, score in [("LACE", p_lace), ("HGB", p_model)]:
        print(f"{name:5s} AUROC {roc_auc_score(y_test, score):.3f}  AUPRC {average_precision_score(y_test, score):.3f}")


if __name__ == "__main__":
    main()
