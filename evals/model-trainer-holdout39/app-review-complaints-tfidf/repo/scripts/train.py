"""Step 2/2: split the featurized reviews, select C by CV, score the holdout once."""
import json
import sys
from pathlib import Path

import joblib
import numpy as np
from scipy import sparse
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split


def main(params_path: str = "params.json") -> None:
    p = json.loads(Path(params_path).read_text())
    work = Path(p["work_dir"])
    X = sparse.load_npz(work / "X_tfidf.npz")
    y = np.load(work / "y.npy")

    X_tr, X_te, y_tr, y_te = train_test_split(
        X, y, test_size=p["test_size"], stratify=y, random_state=p["seed"]
    )
    search = GridSearchCV(
        LogisticRegression(max_iter=5000, solver="liblinear"),
        {"C": p["C_grid"]},
        scoring="average_precision",
        cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=p["seed"]),
    ).fit(X_tr, y_tr)

    dummy = DummyClassifier(strategy="prior").fit(X_tr, y_tr)
    report = {"best_C": search.best_params_["C"], "cv_ap": search.best_score_}
    for name, model in {"logreg": search.best_estimator_, "prior": dummy}.items():
        proba = model.predict_proba(X_te)[:, 1]
        report[name] = {"roc_auc": roc_auc_score(y_te, proba), "ap": average_precision_score(y_te, proba)}
    joblib.dump(search.best_estimator_, work / "complaint_clf.joblib")
    (work / "metrics.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
