from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier


def booster(params: dict, seed: int) -> XGBClassifier:
    return XGBClassifier(random_state=seed, tree_method="hist", **params)


def logistic_baseline(seed: int):
    return make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, random_state=seed))
