from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler
import numpy as np

NUMERIC = ["income", "loan_amount", "term_months", "age", "years_employed", "debt_to_income", "open_accounts"]
SKEWED = ["income", "loan_amount"]
CATEGORICAL = ["home_ownership", "purpose", "employment_type", "state"]


def build_preprocessor() -> ColumnTransformer:
    skewed = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("log", FunctionTransformer(np.log1p, feature_names_out="one-to-one")),
        ("scale", StandardScaler()),
    ])
    numeric = Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())])
    categorical = Pipeline([
        ("impute", SimpleImputer(strategy="most_frequent")),
        ("onehot", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=25)),
    ])
    return ColumnTransformer([
        ("skewed", skewed, SKEWED),
        ("numeric", numeric, [c for c in NUMERIC if c not in SKEWED]),
        ("categorical", categorical, CATEGORICAL),
    ])
