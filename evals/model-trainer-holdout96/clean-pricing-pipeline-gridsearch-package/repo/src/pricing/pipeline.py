from sklearn.compose import ColumnTransformer, TransformedTargetRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

from pricing.features import CATEGORICAL, NUMERIC


def build(seed: int) -> Pipeline:
    pre = ColumnTransformer(
        [
            ("num", SimpleImputer(strategy="median"), NUMERIC),
            ("cat", Pipeline([
                ("impute", SimpleImputer(strategy="constant", fill_value="unknown")),
                ("enc", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                                       encoded_missing_value=-1)),
            ]), CATEGORICAL),
        ],
        verbose_feature_names_out=False,
    )
    hgb = HistGradientBoostingRegressor(
        max_iter=800,
        early_stopping=True,
        validation_fraction=0.1,
        categorical_features=list(range(len(NUMERIC), len(NUMERIC) + len(CATEGORICAL))),
        random_state=seed,
    )
    model = TransformedTargetRegressor(regressor=hgb, func=_log1p, inverse_func=_expm1)
    return Pipeline([("pre", pre), ("model", model)])


def _log1p(y):
    import numpy as np

    return np.log1p(y)


def _expm1(y):
    import numpy as np

    return np.expm1(y)
