from dataclasses import dataclass
from typing import Callable

from lightgbm import LGBMClassifier
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier


@dataclass(frozen=True)
class ModelSpec:
    name: str
    factory: Callable[[int], object]
    is_baseline: bool = False


MODELS: dict[str, ModelSpec] = {}


def register(name: str, is_baseline: bool = False):
    def wrap(factory):
        MODELS[name] = ModelSpec(name, factory, is_baseline)
        return factory
    return wrap


@register("prior", is_baseline=True)
def prior(seed: int):
    return DummyClassifier(strategy="prior")


@register("logreg")
def logreg(seed: int):
    return make_pipeline(StandardScaler(), LogisticRegression(C=0.1, max_iter=5000, random_state=seed))


@register("rf")
def rf(seed: int):
    return RandomForestClassifier(n_estimators=500, min_samples_leaf=5, max_features=0.4, n_jobs=-1, random_state=seed)


@register("xgb")
def xgb(seed: int):
    return XGBClassifier(n_estimators=400, learning_rate=0.05, max_depth=5, subsample=0.8, colsample_bytree=0.8,
                         min_child_weight=4, tree_method="hist", random_state=seed)


@register("lgbm")
def lgbm(seed: int):
    return LGBMClassifier(n_estimators=500, learning_rate=0.04, num_leaves=31, min_child_samples=40,
                          colsample_bytree=0.8, random_state=seed, verbose=-1)
