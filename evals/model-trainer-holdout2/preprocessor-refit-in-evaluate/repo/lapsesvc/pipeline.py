from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from lapsesvc.config import TrainConfig


def build_preprocessor(cfg: TrainConfig) -> ColumnTransformer:
    numeric = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())
    categorical = OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=20, sparse_output=False)
    return ColumnTransformer(
        [("num", numeric, list(cfg.numeric)), ("cat", categorical, list(cfg.categorical))],
        remainder="drop",
    )
