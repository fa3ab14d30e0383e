"""AI4I 2020: tune a LightGBM failure classifier with SMOTE, report on a held-out 20%."""
import joblib
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from lightgbm import LGBMClassifier
from sklearn.compose import ColumnTransformer
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler

RANDOM_STATE = 2020
NUMERIC = ["Air temperature [K]", "Process temperature [K]", "Rotational speed [rpm]",
           "Torque [Nm]", "Tool wear [min]", "temp_diff", "power"]
CATEGORICAL = ["Type"]

df = pd.read_csv("data/ai4i2020.csv")
df["temp_diff"] = df["Process temperature [K]"] - df["Air temperature [K]"]
df["power"] = df["Torque [Nm]"] * df["Rotational speed [rpm]"] * 2 * np.pi / 60
X = df[NUMERIC + CATEGORICAL]
y = df["Machine failure"]

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=RANDOM_STATE
)

prep = ColumnTransformer([
    ("num", StandardScaler(), NUMERIC),
    ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
], verbose_feature_names_out=False)

pipe = Pipeline([
    ("prep", prep),
    ("smote", SMOTE(random_state=RANDOM_STATE)),
    ("clf", LGBMClassifier(n_estimators=300, random_state=RANDOM_STATE, verbose=-1)),
])

param_grid = {
    "smote__sampling_strategy": [0.1, 0.25, 0.5],
    "smote__k_neighbors": [3, 5],
    "clf__num_leaves": [15, 31],
    "clf__learning_rate": [0.03, 0.1],
}
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=RANDOM_STATE)
search = GridSearchCV(pipe, param_grid, scoring="average_precision", cv=cv, n_jobs=-1, refit=True)
search.fit(X_train, y_train)
print("best params:", search.best_params_)
print(f"CV average precision: {search.best_score_:.4f}")

best = search.best_estimator_
proba = best.predict_proba(X_test)[:, 1]
print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))
print(f"test ROC AUC {roc_auc_score(y_test, proba):.4f} | test PR AUC {average_precision_score(y_test, proba):.4f}")

joblib.dump(best, "models/ai4i_lgbm_smote.joblib")
