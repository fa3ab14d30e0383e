"""
Wafer pass/fail prediction from in-line process sensors (590 channels).
Roughly 1 in 15 lots fails the final electrical test.
"""
import tomllib

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.feature_selection import VarianceThreshold
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, recall_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict, train_test_split
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier

with open("secom.toml", "rb") as fh:
    cfg = tomllib.load(fh)
SEED = cfg["split"]["seed"]

X = pd.read_csv(cfg["data"]["features"], sep=" ", header=None)
X.columns = [f"sensor_{i:03d}" for i in range(X.shape[1])]
labels = pd.read_csv(cfg["data"]["labels"], sep=" ", header=None, names=["result", "timestamp"])
y = (labels["result"] == 1).astype(int)

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=cfg["split"]["test_size"], stratify=y, random_state=SEED
)
keep = X_train.columns[X_train.isna().mean() <= cfg["data"]["max_missing_fraction"]]
X_train, X_test = X_train[keep], X_test[keep]


def build(estimator):
    return Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("constant", VarianceThreshold(1e-8)),
        ("scale", StandardScaler()),
        ("smote", SMOTE(random_state=SEED, **cfg["smote"])),
        ("clf", estimator),
    ])


models = {
    "logreg": build(LogisticRegression(C=0.05, penalty="l1", solver="liblinear", max_iter=5000)),
    "xgb": build(XGBClassifier(**cfg["xgb"], eval_metric="logloss", random_state=SEED, n_jobs=-1)),
}
cv = StratifiedKFold(n_splits=cfg["split"]["cv_folds"], shuffle=True, random_state=SEED)

for name, pipe in models.items():
    oof = cross_val_predict(pipe, X_train, y_train, cv=cv, method="predict_proba")[:, 1]
    prec, rec, thr = precision_recall_curve(y_train, oof)
    f1 = 2 * prec[:-1] * rec[:-1] / (prec[:-1] + rec[:-1] + 1e-12)
    threshold = thr[np.argmax(f1)]

    pipe.fit(X_train, y_train)
    proba = pipe.predict_proba(X_test)[:, 1]
    pred = (proba >= threshold).astype(int)
    print(
        f"{name:>6} | CV PR-AUC {average_precision_score(y_train, oof):.3f} | "
        f"test PR-AUC {average_precision_score(y_test, proba):.3f} ROC-AUC {roc_auc_score(y_test, proba):.3f} "
        f"F1@{threshold:.2f} {f1_score(y_test, pred):.3f} recall {recall_score(y_test, pred):.3f}"
    )
