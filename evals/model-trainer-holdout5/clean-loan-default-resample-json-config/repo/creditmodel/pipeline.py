from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from xgboost import XGBClassifier


def preprocessor(numeric, categorical) -> ColumnTransformer:
    return ColumnTransformer([
        ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), numeric),
        ("cat", Pipeline([("impute", SimpleImputer(strategy="most_frequent")),
                          ("onehot", OneHotEncoder(handle_unknown="ignore", sparse_output=False))]), categorical),
    ])


def build_xgb(cfg: dict, seed: int) -> Pipeline:
    d = cfg["data"]
    return Pipeline([
        ("prep", preprocessor(d["numeric"], d["categorical"])),
        ("smote", SMOTE(random_state=seed, **cfg["sampler"])),
        ("xgb", XGBClassifier(**cfg["model"], eval_metric="aucpr", random_state=seed, n_jobs=4)),
    ])


def build_logreg(cfg: dict) -> Pipeline:
    d = cfg["data"]
    return Pipeline([
        ("prep", preprocessor(d["numeric"], d["categorical"])),
        ("lr", LogisticRegression(max_iter=3000, class_weight="balanced")),
    ])
