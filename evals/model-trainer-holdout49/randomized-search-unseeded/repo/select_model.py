"""Model selection for the loan-approval triage classifier.

Runs a randomized search for a random forest and a histogram gradient boosting
model, compares them against a logistic regression baseline, and writes the
comparison table plus the winning pipeline.
"""
from pathlib import Path

import joblib
import pandas as pd
from scipy.stats import loguniform, randint, uniform
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, balanced_accuracy_score, roc_auc_score
from sklearn.model_selection import RandomizedSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["requested_amount", "term_months", "applicant_income", "coapplicant_income",
           "credit_score", "existing_loans", "years_at_address"]
CATEGORICAL = ["property_area", "employment_type", "education", "marital_status"]
OUT = Path("models/loan_triage")


def preprocessor():
    num = Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())])
    cat = Pipeline([("impute", SimpleImputer(strategy="most_frequent")),
                    ("onehot", OneHotEncoder(handle_unknown="ignore"))])
    return ColumnTransformer([("num", num, NUMERIC), ("cat", cat, CATEGORICAL)])


CANDIDATES = {
    "random_forest": (
        RandomForestClassifier(n_jobs=-1, class_weight="balanced"),
        {"clf__n_estimators": randint(200, 800), "clf__max_depth": randint(4, 20),
         "clf__min_samples_leaf": randint(1, 20), "clf__max_features": uniform(0.2, 0.7)},
    ),
    "hist_gbm": (
        HistGradientBoostingClassifier(class_weight="balanced"),
        {"clf__learning_rate": loguniform(0.01, 0.3), "clf__max_leaf_nodes": randint(15, 63),
         "clf__l2_regularization": loguniform(1e-4, 10), "clf__max_iter": randint(100, 500)},
    ),
}


def main():
    df = pd.read_csv("data/loan_applications.csv")
    X = df[NUMERIC + CATEGORICAL]
    y = (df["decision"] == "approved").astype(int)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y)

    cv = StratifiedKFold(n_splits=5, shuffle=True)
    fitted, rows = {}, []
    baseline = Pipeline([("pre", preprocessor()), ("clf", LogisticRegression(max_iter=2000))])
    baseline.fit(X_train, y_train)
    fitted["logreg_baseline"] = baseline

    for name, (estimator, space) in CANDIDATES.items():
        pipe = Pipeline([("pre", preprocessor()), ("clf", estimator)])
        search = RandomizedSearchCV(pipe, space, n_iter=40, cv=cv, scoring="roc_auc", n_jobs=-1)
        search.fit(X_train, y_train)
        print(f"{name}: cv roc_auc={search.best_score_:.4f}")
        fitted[name] = search.best_estimator_
        rows.append({"model": name, "cv_roc_auc": search.best_score_})

    cv_table = pd.DataFrame(rows).set_index("model")
    winner = cv_table["cv_roc_auc"].idxmax()

    report = []
    for name, model in fitted.items():
        proba = model.predict_proba(X_test)[:, 1]
        report.append({
            "model": name,
            "test_roc_auc": roc_auc_score(y_test, proba),
            "test_pr_auc": average_precision_score(y_test, proba),
            "test_balanced_acc": balanced_accuracy_score(y_test, (proba >= 0.5).astype(int)),
        })
    print(pd.DataFrame(report).set_index("model").round(4).to_string())
    print(f"selected on CV: {winner}")

    OUT.mkdir(parents=True, exist_ok=True)
    joblib.dump(fitted[winner], OUT / "pipeline.joblib")
    cv_table.to_csv(OUT / "cv_results.csv")


if __name__ == "__main__":
    main()
