"""Candidate models for the wine quality assignment."""
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC


def build_candidates(seed):
    candidates = {
        "baseline_majority": DummyClassifier(strategy="most_frequent"),
        "logreg": make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, class_weight="balanced")),
        "knn_15": make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=15)),
        "random_forest": RandomForestClassifier(n_estimators=400, class_weight="balanced", random_state=seed),
        "grad_boost": GradientBoostingClassifier(random_state=seed),
    }
    for c in [0.3, 1.0, 3.0, 10.0]:
        candidates[f"svc_rbf_C{c}"] = make_pipeline(
            StandardScaler(),
            SVC(C=c, kernel="rbf", class_weight="balanced", probability=True, random_state=seed),
        )
    return candidates
