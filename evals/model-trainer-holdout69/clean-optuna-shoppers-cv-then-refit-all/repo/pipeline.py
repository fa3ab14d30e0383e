"""Feature pipeline + XGBoost classifier used by tuning and deployment."""
import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder
from xgboost import XGBClassifier

CATEGORICAL = ["Month", "VisitorType", "OperatingSystems", "Browser", "Region", "TrafficType"]
SKEWED = [
    "Administrative_Duration", "Informational_Duration", "ProductRelated_Duration",
    "PageValues", "ProductRelated",
]
PASSTHROUGH = ["Administrative", "Informational", "BounceRates", "ExitRates", "SpecialDay", "Weekend"]


def build_pipeline(params: dict, seed: int) -> Pipeline:
    features = ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=50), CATEGORICAL),
        ("log", FunctionTransformer(np.log1p, feature_names_out="one-to-one"), SKEWED),
        ("raw", "passthrough", PASSTHROUGH),
    ])
    model = XGBClassifier(tree_method="hist", random_state=seed, n_jobs=4, **params)
    return Pipeline([("features", features), ("model", model)])
