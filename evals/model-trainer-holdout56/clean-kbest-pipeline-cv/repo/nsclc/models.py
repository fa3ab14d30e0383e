from sklearn.dummy import DummyClassifier
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler


def make_candidates(cfg):
    seed = cfg["random_state"]
    return {
        "majority": DummyClassifier(strategy="most_frequent"),
        "kbest_logreg": Pipeline([
            ("scale", StandardScaler()),
            ("select", SelectKBest(f_classif, k=cfg["selection"]["k"])),
            ("clf", LogisticRegression(C=cfg["model"]["C"], max_iter=5000, random_state=seed)),
        ]),
    }
