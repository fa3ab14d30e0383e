"""Hospital readmission (<30 days) -- model comparison with nested-safe pipelines.

Everything that learns from data (imputation, scaling, one-hot, feature selection) lives
inside the sklearn Pipeline, so cross-validation refits it on each training fold.
"""
import logging

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_validate, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
log = logging.getLogger("readmit")
SEED = 17

df = pd.read_csv("data/diabetic_data.csv", na_values="?")
df = df.drop_duplicates(subset="patient_nbr", keep="first")  # one encounter per patient
df["readmit30"] = (df.pop("readmitted") == "<30").astype(int)
num_cols = ["time_in_hospital", "num_lab_procedures", "num_procedures", "num_medications",
            "number_outpatient", "number_emergency", "number_inpatient", "number_diagnoses"]
cat_cols = ["race", "gender", "age", "admission_type_id", "discharge_disposition_id",
            "admission_source_id", "A1Cresult", "insulin", "change", "diabetesMed"]

# --- EDA (whole table, plots only) -----------------------------------------
log.info("positive rate %.3f", df["readmit30"].mean())
corr = df[num_cols + ["readmit30"]].corr()
sns.heatmap(corr, annot=True, fmt=".2f", cmap="vlag")
plt.tight_layout()
plt.savefig("eda_corr.png")
plt.close()

# --- hold out a test set ---------------------------------------------------
X, y = df[num_cols + cat_cols], df["readmit30"]
X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)

pre = ColumnTransformer([
    ("num", Pipeline([("imp", SimpleImputer(strategy="median")), ("sc", StandardScaler())]), num_cols),
    ("cat", Pipeline([("imp", SimpleImputer(strategy="most_frequent")),
                      ("oh", OneHotEncoder(handle_unknown="ignore", min_frequency=20))]), cat_cols),
])

candidates = {
    "prior": Pipeline([("pre", pre), ("clf", DummyClassifier(strategy="prior"))]),
    "logreg": Pipeline([("pre", pre),
                        ("kbest", SelectKBest(f_classif, k=40)),
                        ("clf", LogisticRegression(C=0.3, max_iter=3000, class_weight="balanced"))]),
    "hgb": Pipeline([("pre", pre),
                     ("clf", HistGradientBoostingClassifier(learning_rate=0.05, max_leaf_nodes=31,
                                                            l2_regularization=1.0, random_state=SEED))]),
}

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
cv_means = {}
for name, pipe in candidates.items():
    res = cross_validate(pipe, X_dev, y_dev, cv=cv, scoring=["roc_auc", "average_precision", "neg_brier_score"])
    cv_means[name] = res["test_roc_auc"].mean()
    log.info("%-7s AUC %.4f +/- %.4f  AP %.4f  Brier %.4f", name, res["test_roc_auc"].mean(),
             res["test_roc_auc"].std(), res["test_average_precision"].mean(), -res["test_neg_brier_score"].mean())

best_name = max(cv_means, key=cv_means.get)
final = candidates[best_name].fit(X_dev, y_dev)
p_test = final.predict_proba(X_test)[:, 1]
log.info("selected %s -> test AUC %.4f  AP %.4f  Brier %.4f", best_name,
         roc_auc_score(y_test, p_test), average_precision_score(y_test, p_test), brier_score_loss(y_test, p_test))
