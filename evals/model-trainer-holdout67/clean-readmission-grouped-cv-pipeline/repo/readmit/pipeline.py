from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from xgboost import XGBClassifier


def make_preprocessor(numeric, categorical) -> ColumnTransformer:
    num = Pipeline([("impute", SimpleImputer(strategy="median", add_indicator=True)),
                    ("scale", StandardScaler())])
    cat = Pipeline([("impute", SimpleImputer(strategy="constant", fill_value="missing")),
                    ("onehot", OneHotEncoder(handle_unknown="ignore", min_frequency=20))])
    return ColumnTransformer([("num", num, numeric), ("cat", cat, categorical)])


def make_models(cfg: dict) -> dict:
    feats = cfg["features"]
    seed = cfg["seed"]
    return {
        "prior": Pipeline([("pre", make_preprocessor(feats["numeric"], feats["categorical"])),
                           ("clf", DummyClassifier(strategy="prior"))]),
        "logreg": Pipeline([("pre", make_preprocessor(feats["numeric"], feats["categorical"])),
                            ("clf", LogisticRegression(C=cfg["models"]["logreg"]["C"], max_iter=5000))]),
        "xgb": Pipeline([("pre", make_preprocessor(feats["numeric"], feats["categorical"])),
                         ("clf", XGBClassifier(**cfg["models"]["xgb"], random_state=seed, n_jobs=4))]),
    }
