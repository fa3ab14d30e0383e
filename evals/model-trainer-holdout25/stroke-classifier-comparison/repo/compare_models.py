# Data Mining course - term paper
# "Which classifier predicts stroke best?"  Healthcare stroke dataset (5110 patients).
import warnings

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier, ExtraTreesClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold, cross_val_score
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.tree import DecisionTreeClassifier
from xgboost import XGBClassifier

warnings.filterwarnings("ignore")

patients = pd.read_csv("healthcare-dataset-stroke-data.csv").drop(columns="id")
print(patients["stroke"].value_counts())          # 4861 no-stroke vs 249 stroke
print(f"stroke rate: {patients['stroke'].mean():.3%}")

y = patients.pop("stroke")
cat_cols = ["gender", "ever_married", "work_type", "Residence_type", "smoking_status"]
num_cols = ["age", "hypertension", "heart_disease", "avg_glucose_level", "bmi"]

prep = ColumnTransformer([
    ("num", Pipeline([("imp", SimpleImputer(strategy="median")), ("sc", StandardScaler())]), num_cols),
    ("cat", OneHotEncoder(handle_unknown="ignore"), cat_cols),
])

classifiers = {
    "Logistic Regression": LogisticRegression(max_iter=1000),
    "kNN (k=9)": KNeighborsClassifier(n_neighbors=9),
    "Naive Bayes": GaussianNB(),
    "Decision Tree": DecisionTreeClassifier(max_depth=6),
    "Random Forest": RandomForestClassifier(n_estimators=300),
    "Extra Trees": ExtraTreesClassifier(n_estimators=300),
    "XGBoost": XGBClassifier(n_estimators=300, learning_rate=0.05, max_depth=4, subsample=0.8),
}

cv = KFold(n_splits=10, shuffle=True)

rows = []
for name, clf in classifiers.items():
    pipe = Pipeline([("prep", prep), ("clf", clf)])
    scores = cross_val_score(pipe, patients, y, cv=cv, scoring="accuracy", n_jobs=-1)
    rows.append((name, scores.mean(), scores.std()))
    print(f"{name:20s} accuracy = {scores.mean():.4f} (+/- {scores.std():.4f})")

summary = pd.DataFrame(rows, columns=["model", "mean_accuracy", "std"]).sort_values("mean_accuracy", ascending=False)
print("\nBest model:", summary.iloc[0]["model"])
summary.to_csv("results_table.csv", index=False)
