from lightgbm import LGBMClassifier
from sklearn.pipeline import Pipeline

from .features import make_preprocessor


def build_pipeline(cfg: dict) -> Pipeline:
    return Pipeline(
        [
            ("prep", make_preprocessor(cfg["columns"]["numeric"], cfg["columns"]["categorical"])),
            ("gbm", LGBMClassifier(random_state=cfg["seed"], verbose=-1, **cfg["lgbm"])),
        ]
    )
