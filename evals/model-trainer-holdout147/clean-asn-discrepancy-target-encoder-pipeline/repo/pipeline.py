from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, TargetEncoder


def build(params: dict) -> Pipeline:
    seed = params["seed"]
    pre = ColumnTransformer(
        [
            ("te", TargetEncoder(target_type="binary", smooth="auto", cv=5, random_state=seed),
             params["high_card_cols"]),
            ("ohe", OneHotEncoder(handle_unknown="ignore", sparse_output=False), params["low_card_cols"]),
            ("num", "passthrough", params["numeric_cols"]),
        ],
        verbose_feature_names_out=False,
    )
    clf = HistGradientBoostingClassifier(max_iter=400, early_stopping=False, random_state=seed)
    return Pipeline([("pre", pre), ("clf", clf)])
