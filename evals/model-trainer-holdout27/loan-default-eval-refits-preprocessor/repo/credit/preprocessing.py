from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, RobustScaler


def make_preprocessor(cfg: dict) -> ColumnTransformer:
    numeric = make_pipeline(SimpleImputer(strategy="median"), RobustScaler())
    categorical = make_pipeline(
        SimpleImputer(strategy="constant", fill_value="NA"),
        OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=50, sparse_output=False),
    )
    return ColumnTransformer(
        [("num", numeric, cfg["numeric"]), ("cat", categorical, cfg["categorical"])],
        remainder="drop",
    )
