from lightgbm import LGBMClassifier
from sklearn.compose import make_column_selector, make_column_transformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from xgboost import XGBClassifier


def _features(scale: bool):
    numeric = [SimpleImputer(strategy="median")] + ([StandardScaler()] if scale else [])
    return make_column_transformer(
        (make_pipeline(*numeric), make_column_selector(dtype_include="number")),
        (OneHotEncoder(handle_unknown="ignore", min_frequency=25),
         make_column_selector(dtype_include=object)),
    )


def build_zoo(spec: dict, seed: int) -> dict:
    makers = {
        "logreg": lambda p: LogisticRegression(max_iter=4000, **p),
        "random_forest": lambda p: RandomForestClassifier(n_jobs=-1, random_state=seed, **p),
        "lightgbm": lambda p: LGBMClassifier(random_state=seed, verbose=-1, **p),
        "xgboost": lambda p: XGBClassifier(random_state=seed, tree_method="hist", **p),
    }
    zoo = {"prior": make_pipeline(_features(False), DummyClassifier(strategy="prior"))}
    for name, params in spec.items():
        zoo[name] = make_pipeline(_features(name == "logreg"), makers[name](params))
    return zoo
