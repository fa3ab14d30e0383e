"""Model registry: configs refer to estimators by name."""
from __future__ import annotations

from typing import Callable

from sklearn.base import ClassifierMixin
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression

MODEL_REGISTRY: dict[str, Callable[..., ClassifierMixin]] = {}


def register(name: str):
    def deco(fn):
        MODEL_REGISTRY[name] = fn
        return fn
    return deco


@register("dummy")
def _dummy(params: dict, seed: int) -> ClassifierMixin:
    return DummyClassifier(strategy="prior", **params)


@register("logreg")
def _logreg(params: dict, seed: int) -> ClassifierMixin:
    return LogisticRegression(max_iter=2000, random_state=seed, **params)


@register("hgb")
def _hgb(params: dict, seed: int) -> ClassifierMixin:
    return HistGradientBoostingClassifier(random_state=seed, **params)


def build_model(name: str, params: dict, seed: int) -> ClassifierMixin:
    if name not in MODEL_REGISTRY:
        raise KeyError(f"unknown model '{name}', available: {sorted(MODEL_REGISTRY)}")
    return MODEL_REGISTRY[name](params or {}, seed)
