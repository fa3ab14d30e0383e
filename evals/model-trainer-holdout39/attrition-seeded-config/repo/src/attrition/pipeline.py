from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def _columns() -> ColumnTransformer:
    return ColumnTransformer([
        ("num", StandardScaler(), make_column_selector(dtype_include="number")),
        ("cat", OneHotEncoder(handle_unknown="ignore"), make_column_selector(dtype_include=object)),
    ])


def candidates(model_params: dict, seed: int) -> dict[str, Pipeline]:
    return {
        "logreg_baseline": Pipeline([("prep", _columns()), ("clf", LogisticRegression(C=1.0, max_iter=2000))]),
        "gboost": Pipeline([
            ("prep", _columns()),
            ("clf", GradientBoostingClassifier(random_state=seed, **model_params)),
        ]),
    }
