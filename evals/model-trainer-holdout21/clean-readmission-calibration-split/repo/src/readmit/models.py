from lightgbm import LGBMClassifier
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from .splits import SEED

NUM = ["age", "los_days", "n_prior_admissions_1y", "n_medications", "n_diagnoses", "hba1c", "creatinine", "ed_visits_6m"]
CAT = ["admission_type", "discharge_disposition", "primary_dx_group", "payer", "sex"]


def _prep(scale: bool) -> ColumnTransformer:
    num_steps = [("imp", SimpleImputer(strategy="median"))] + ([("sc", StandardScaler())] if scale else [])
    return ColumnTransformer([
        ("num", Pipeline(num_steps), NUM),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=30), CAT),
    ])


def logistic() -> Pipeline:
    return Pipeline([("prep", _prep(scale=True)), ("clf", LogisticRegression(C=0.2, max_iter=4000))])


def gbm() -> Pipeline:
    clf = LGBMClassifier(n_estimators=500, learning_rate=0.03, num_leaves=31, min_child_samples=50,
                         subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=SEED, verbose=-1)
    return Pipeline([("prep", _prep(scale=False)), ("clf", clf)])
