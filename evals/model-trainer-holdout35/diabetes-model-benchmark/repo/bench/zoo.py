"""Candidate models and their (small) search grids."""
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
from xgboost import XGBClassifier


def _scaled(est):
    return Pipeline([("imp", SimpleImputer(strategy="median")), ("sc", StandardScaler()), ("est", est)])


ZOO = {
    "logreg": (_scaled(LogisticRegression(max_iter=5000)), {"est__C": [0.01, 0.1, 1, 10]}),
    "knn": (_scaled(KNeighborsClassifier()), {"est__n_neighbors": [5, 15, 31, 61]}),
    "svm_rbf": (_scaled(SVC(probability=True)), {"est__C": [0.3, 1, 3], "est__gamma": ["scale", 0.01]}),
    "random_forest": (
        Pipeline([("imp", SimpleImputer(strategy="median")),
                  ("est", RandomForestClassifier(n_estimators=500, n_jobs=-1))]),
        {"est__min_samples_leaf": [1, 5, 20], "est__max_features": ["sqrt", 0.5]},
    ),
    "xgboost": (
        XGBClassifier(n_estimators=400, tree_method="hist", eval_metric="logloss"),
        {"max_depth": [2, 4, 6], "learning_rate": [0.03, 0.1], "subsample": [0.8, 1.0]},
    ),
}
