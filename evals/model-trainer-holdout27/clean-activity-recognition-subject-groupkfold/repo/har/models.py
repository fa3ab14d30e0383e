from lightgbm import LGBMClassifier
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def model_set(cfg) -> dict:
    return {
        "majority": DummyClassifier(strategy="most_frequent"),
        "logreg": make_pipeline(StandardScaler(), LogisticRegression(max_iter=4000, C=0.5, random_state=cfg["seed"])),
        "lgbm": LGBMClassifier(random_state=cfg["seed"], verbose=-1, **cfg["lgbm"]),
    }
