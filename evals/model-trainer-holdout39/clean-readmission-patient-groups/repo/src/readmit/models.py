from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def columns(cfg) -> ColumnTransformer:
    return ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median", add_indicator=True), StandardScaler()),
         cfg["numeric"]),
        ("cat", make_pipeline(SimpleImputer(strategy="constant", fill_value="NA"),
                              OneHotEncoder(handle_unknown="ignore", min_frequency=30)), cfg["categorical"]),
    ], sparse_threshold=0.0)


def gbm_pipeline(cfg) -> Pipeline:
    return Pipeline([("cols", columns(cfg)),
                     ("clf", HistGradientBoostingClassifier(max_iter=300, random_state=cfg["seed"]))])


def baselines(cfg) -> dict[str, Pipeline]:
    return {
        "prior": Pipeline([("cols", columns(cfg)), ("clf", DummyClassifier(strategy="prior"))]),
        "logreg": Pipeline([("cols", columns(cfg)), ("clf", LogisticRegression(C=0.3, max_iter=5000))]),
    }
