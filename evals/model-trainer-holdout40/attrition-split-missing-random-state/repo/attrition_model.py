"""Employee attrition: HistGradientBoosting with a randomized search.

Run:  python attrition_model.py data/hr_attrition.csv
"""
import sys

import pandas as pd
from scipy.stats import loguniform, randint
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import RandomizedSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

SETTINGS = {
    "random_state": 31,
    "n_iter": 40,
    "folds": 5,
    "holdout": 0.25,
}
CATEGORICAL = ["department", "job_role", "education_field", "marital_status", "business_travel"]
DROP = ["employee_id", "attrition", "hire_date"]


def build_pipeline(rs):
    pre = ColumnTransformer(
        [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), CATEGORICAL)],
        remainder="passthrough",
    )
    model = HistGradientBoostingClassifier(
        categorical_features=list(range(len(CATEGORICAL))),
        class_weight="balanced",
        random_state=rs,
    )
    return Pipeline([("pre", pre), ("hgb", model)])


def main(path):
    rs = SETTINGS["random_state"]
    hr = pd.read_csv(path)
    y = (hr["attrition"] == "Yes").astype(int)
    X = hr.drop(columns=DROP)

    X_fit, X_hold, y_fit, y_hold = train_test_split(
        X, y, test_size=SETTINGS["holdout"], stratify=y)

    search = RandomizedSearchCV(
        build_pipeline(rs),
        param_distributions={
            "hgb__learning_rate": loguniform(0.01, 0.3),
            "hgb__max_leaf_nodes": randint(8, 64),
            "hgb__min_samples_leaf": randint(10, 80),
            "hgb__l2_regularization": loguniform(1e-3, 10),
        },
        n_iter=SETTINGS["n_iter"],
        scoring="average_precision",
        cv=StratifiedKFold(SETTINGS["folds"], shuffle=True, random_state=rs),
        random_state=rs,
        n_jobs=-1,
    )
    search.fit(X_fit, y_fit)
    print("best CV AP: %.4f" % search.best_score_, search.best_params_)

    dummy = DummyClassifier(strategy="stratified", random_state=rs).fit(X_fit, y_fit)
    proba = search.predict_proba(X_hold)[:, 1]
    print("holdout ROC AUC   %.4f" % roc_auc_score(y_hold, proba))
    print("holdout AP        %.4f (prevalence %.3f)" % (average_precision_score(y_hold, proba), y_hold.mean()))
    print("dummy AP          %.4f" % average_precision_score(y_hold, dummy.predict_proba(X_hold)[:, 1]))
    print(classification_report(y_hold, search.predict(X_hold), digits=3))


if __name__ == "__main__":
    main(sys.argv[1])
