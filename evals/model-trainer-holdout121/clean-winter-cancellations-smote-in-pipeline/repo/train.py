"""Cancellation risk for winter departures. Train: winters 2019/20-2021/22, test: winter 2022/23."""
import joblib
import pandas as pd
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit

from pipeline import CATEGORICAL, NUMERIC, build_pipeline

SEED = 4

df = pd.read_parquet("data/winter_departures_2019_2023.parquet")
df["FL_DATE"] = pd.to_datetime(df["FL_DATE"])
df["dep_hour"] = df["CRS_DEP_TIME"] // 100
df = df.dropna(subset=NUMERIC).sort_values(["FL_DATE", "CRS_DEP_TIME"]).reset_index(drop=True)

is_test = df["FL_DATE"] >= "2022-11-01"
train, test = df[~is_test], df[is_test]
X_tr, y_tr = train[NUMERIC + CATEGORICAL], train["CANCELLED"]
X_te, y_te = test[NUMERIC + CATEGORICAL], test["CANCELLED"]
print(f"train cancel rate {y_tr.mean():.4f}, test cancel rate {y_te.mean():.4f}")

search = GridSearchCV(
    build_pipeline(SEED),
    param_grid={"smote__sampling_strategy": [0.1, 0.3, 0.5], "clf__C": [0.1, 1.0, 10.0]},
    scoring="average_precision",
    cv=TimeSeriesSplit(n_splits=4),
    n_jobs=-1,
)
search.fit(X_tr, y_tr)
print("best:", search.best_params_, "cv AP:", round(search.best_score_, 4))

proba = search.best_estimator_.predict_proba(X_te)[:, 1]
print("test ROC AUC:", round(roc_auc_score(y_te, proba), 4))
print("test PR AUC :", round(average_precision_score(y_te, proba), 4))
print(classification_report(y_te, (proba >= 0.5).astype(int), digits=3))
joblib.dump(search.best_estimator_, "cancel_risk_lr.joblib")
