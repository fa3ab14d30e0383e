from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from .features import CATEGORICAL, NUMERIC


def make(name: str, seed: int, **hp) -> Pipeline:
    pre = ColumnTransformer([
        ("num", Pipeline([("imp", SimpleImputer(strategy="median")), ("sc", StandardScaler())]), NUMERIC),
        ("cat", Pipeline([("imp", SimpleImputer(strategy="most_frequent")),
                          ("oh", OneHotEncoder(handle_unknown="ignore"))]), CATEGORICAL),
    ])
    if name == "logreg":
        clf = LogisticRegression(max_iter=5000, class_weight="balanced", **hp)
    elif name == "forest":
        clf = RandomForestClassifier(n_estimators=600, class_weight="balanced_subsample", random_state=seed, n_jobs=-1, **hp)
    else:
        raise ValueError(name)
    return Pipeline([("pre", pre), ("clf", clf)])
