from sklearn.calibration import CalibratedClassifierCV
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import ComplementNB
from sklearn.svm import LinearSVC


def candidate_models(params: dict, seed: int) -> dict:
    models = {"majority": DummyClassifier(strategy="most_frequent"), "cnb": ComplementNB(alpha=0.3)}
    for c in params["logreg_C"]:
        models[f"logreg_C{c}"] = LogisticRegression(C=c, max_iter=3000, random_state=seed)
    models["linsvc"] = CalibratedClassifierCV(LinearSVC(C=params["svm_C"], random_state=seed), cv=3)
    return models
