"""Name -> model factory registry so experiments can be selected from the CLI."""
from typing import Callable

import lightgbm as lgb
import xgboost as xgb
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

_REGISTRY: dict[str, Callable[..., object]] = {}


def register(name: str):
    def deco(fn):
        _REGISTRY[name] = fn
        return fn
    return deco


def build(name: str, **ctx):
    if name not in _REGISTRY:
        raise KeyError(f"unknown model {name!r}; choose from {sorted(_REGISTRY)}")
    return _REGISTRY[name](**ctx)


def available() -> list[str]:
    return sorted(_REGISTRY)


@register("logreg")
def _logreg(seed: int, pos_weight: float):
    return make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000, class_weight="balanced"))


@register("rf")
def _rf(seed: int, pos_weight: float):
    return RandomForestClassifier(n_estimators=400, min_samples_leaf=3, class_weight="balanced_subsample",
                                  n_jobs=-1, random_state=seed)


@register("xgb")
def _xgb(seed: int, pos_weight: float):
    return xgb.XGBClassifier(n_estimators=500, learning_rate=0.05, max_depth=6, subsample=0.8,
                             colsample_bytree=0.8, scale_pos_weight=pos_weight, random_state=seed)


@register("lgbm")
def _lgbm(seed: int, pos_weight: float):
    return lgb.LGBMClassifier(n_estimators=600, learning_rate=0.03, num_leaves=63,
                              scale_pos_weight=pos_weight, random_state=seed, verbose=-1)
