"""Model zoo for the steel-plates benchmark: each entry is (estimator, param grid)."""
from lightgbm import LGBMClassifier
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC


def scaled(est):
    return Pipeline([("scale", StandardScaler()), ("est", est)])


def get_zoo(seed):
    return {
        "stratified-dummy": (DummyClassifier(strategy="stratified", random_state=seed), {}),
        "logreg": (scaled(LogisticRegression(max_iter=5000)), {"est__C": [0.01, 0.1, 1, 10]}),
        "knn": (scaled(KNeighborsClassifier()), {"est__n_neighbors": [5, 11, 21], "est__weights": ["uniform", "distance"]}),
        "svm-rbf": (scaled(SVC(probability=True, random_state=seed)),
                    {"est__C": [1, 10, 100], "est__gamma": ["scale", 0.01]}),
        "random-forest": (RandomForestClassifier(n_estimators=500, random_state=seed, n_jobs=-1),
                          {"max_features": ["sqrt", 0.3], "min_samples_leaf": [1, 3]}),
        "lightgbm": (LGBMClassifier(n_estimators=400, random_state=seed, verbose=-1),
                     {"learning_rate": [0.03, 0.1], "num_leaves": [15, 31]}),
    }
