import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = [
    "age", "los_days", "n_admits_12m", "n_ed_visits_6m", "elixhauser_score",
    "n_discharge_meds", "hgb_last", "na_last", "cr_last", "albumin_last", "bun_last",
]
CATEGORICAL = ["sex", "insurance", "admit_source", "discharge_disposition", "primary_dx_ccs"]


def fit_preprocessor(frames: list[pd.DataFrame]) -> ColumnTransformer:
    """Fit imputation/scaling/encoding; pass every frame that will be transformed
    so that category levels appearing only in later years still get a column."""
    reference = pd.concat(frames, ignore_index=True)
    prep = ColumnTransformer([
        ("num", Pipeline([
            ("impute", SimpleImputer(strategy="median", add_indicator=True)),
            ("scale", StandardScaler()),
        ]), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=25), CATEGORICAL),
    ])
    prep.fit(reference[NUMERIC + CATEGORICAL])
    return prep
