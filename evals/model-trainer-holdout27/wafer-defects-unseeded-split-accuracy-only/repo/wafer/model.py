from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline


def make_forest(params: dict) -> Pipeline:
    return Pipeline(
        [
            ("impute", SimpleImputer(strategy="median")),
            ("rf", RandomForestClassifier(class_weight="balanced_subsample", n_jobs=-1, **params)),
        ]
    )
