"""Preprocessing for the 30-day readmission model."""
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = [
    "age_years", "time_in_hospital", "num_lab_procedures", "num_procedures", "num_medications",
    "number_outpatient", "number_emergency", "number_inpatient", "number_diagnoses", "a1c_value",
]
CATEGORICAL = ["gender", "race", "admission_type", "discharge_disposition", "admission_source",
               "insulin", "change", "diabetesMed", "primary_dx_group"]


def build_preprocessor() -> ColumnTransformer:
    numeric = Pipeline([
        ("impute", SimpleImputer(strategy="median", add_indicator=True)),
        ("scale", StandardScaler()),
    ])
    categorical = Pipeline([
        ("impute", SimpleImputer(strategy="most_frequent")),
        ("onehot", OneHotEncoder(handle_unknown="ignore", min_frequency=50, sparse_output=False)),
    ])
    return ColumnTransformer([("num", numeric, NUMERIC), ("cat", categorical, CATEGORICAL)])


def prepare(df, preprocessor=None):
    """Return the model matrix for ``df``.

    With no ``preprocessor`` a new one is built and fitted on ``df``; otherwise the given fitted
    preprocessor is only applied.
    """
    X = df[NUMERIC + CATEGORICAL]
    if preprocessor is None:
        preprocessor = build_preprocessor()
        return preprocessor.fit_transform(X), preprocessor
    return preprocessor.transform(X), preprocessor
