"""Three-class credit rating (A/B/C) from application data."""
import json

import joblib
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, confusion_matrix, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 7
NUMERIC = ["income", "age", "existing_debt", "months_at_address", "open_accounts"]
CATEGORICAL = ["employment_type", "housing", "purpose"]

apps = pd.read_csv("data/applications.csv")
X, y = apps[NUMERIC + CATEGORICAL], apps["rating"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)

preprocess = ColumnTransformer([
    ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), NUMERIC),
    ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
])
pipe = Pipeline([("prep", preprocess), ("clf", LogisticRegression(max_iter=5000))])
param_grid = {"clf__C": [0.01, 0.1, 1.0, 10.0], "clf__class_weight": [None, "balanced"]}
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
search = GridSearchCV(pipe, param_grid, cv=cv, scoring="f1_macro", n_jobs=-1)
search.fit(X_train, y_train)
print("best params", search.best_params_, "CV macro F1", round(search.best_score_, 4))

baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
pred = search.predict(X_test)
print(classification_report(y_test, pred, digits=3))
print(confusion_matrix(y_test, pred, labels=["A", "B", "C"]))
print("baseline macro F1", f1_score(y_test, baseline.predict(X_test), average="macro"))

with open("reports/rating_search.json", "w") as fh:
    json.dump({"best_params": search.best_params_, "cv_f1_macro": search.best_score_}, fh, indent=2)
joblib.dump(search.best_estimator_, "models/rating_logreg.joblib")
