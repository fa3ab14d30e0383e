from sklearn.compose import ColumnTransformer
from sklearn.linear_model import Ridge
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def build_pipeline(cfg: dict, alpha: float) -> Pipeline:
    cat_cols = list(cfg["categorical"])
    pre = ColumnTransformer([
        ("num", StandardScaler(), cfg["numeric"]),
        ("cat", OneHotEncoder(categories=[cfg["categorical"][c] for c in cat_cols],
                              handle_unknown="ignore"), cat_cols),
    ])
    return Pipeline([("pre", pre), ("ridge", Ridge(alpha=alpha))])
