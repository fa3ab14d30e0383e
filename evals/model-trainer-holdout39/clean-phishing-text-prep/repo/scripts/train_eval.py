import json
import sys
from pathlib import Path

import joblib
import pandas as pd
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold

from phishdet.clean import NUMERIC
from phishdet.model import numeric_only_baseline, prior_baseline, text_pipeline


def main(params_path: str = "params.json") -> None:
    p = json.loads(Path(params_path).read_text())
    work = Path(p["work_dir"])
    train = pd.read_parquet(work / "train.parquet")
    test = pd.read_parquet(work / "test.parquet")
    cols = ["text"] + NUMERIC
    X_train, y_train = train[cols], train["is_phishing"]
    X_test, y_test = test[cols], test["is_phishing"]

    cv = StratifiedKFold(n_splits=p["cv_folds"], shuffle=True, random_state=p["seed"])
    search = GridSearchCV(text_pipeline(p), {"clf__C": p["C_grid"]}, scoring="average_precision", cv=cv, n_jobs=-1)
    search.fit(X_train, y_train)

    models = {
        "tfidf_logreg": search.best_estimator_,
        "numeric_logreg": numeric_only_baseline().fit(X_train, y_train),
        "prior": prior_baseline().fit(X_train, y_train),
    }
    report = {"best_C": search.best_params_["clf__C"], "cv_ap": search.best_score_, "test": {}}
    for name, model in models.items():
        proba = model.predict_proba(X_test)[:, 1]
        report["test"][name] = {"roc_auc": roc_auc_score(y_test, proba),
                                "ap": average_precision_score(y_test, proba),
                                "log_loss": log_loss(y_test, proba)}
    joblib.dump(search.best_estimator_, work / "phish_clf.joblib")
    (work / "report.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
