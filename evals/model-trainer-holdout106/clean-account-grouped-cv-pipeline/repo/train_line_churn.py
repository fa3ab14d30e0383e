"""Mobile line churn for family / business accounts.

Lines on the same account share billing, contract and usually the churn decision, so every split
keeps all lines of an account together.
"""
import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedGroupKFold, cross_val_predict
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 31
CAT = ["tariff", "handset_os", "contract_type", "account_type", "region"]
NUM = ["tenure_m", "arpu_3m", "data_gb_3m", "roaming_eur_3m", "dropped_calls_3m",
       "care_calls_3m", "months_to_contract_end", "lines_on_account", "handset_age_m"]

lines = pd.read_parquet("data/lines_snapshot_2024-02-29.parquet")
X, y, groups = lines[CAT + NUM], lines["churn_90d"], lines["account_id"]

preprocess = ColumnTransformer([
    ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), NUM),
    ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=50), CAT),
])

outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
train_idx, test_idx = next(outer.split(X, y, groups))
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]
g_train = groups.iloc[train_idx]
assert not set(g_train) & set(groups.iloc[test_idx])

pipe = Pipeline([("prep", preprocess), ("clf", LogisticRegression(max_iter=3000))])
grid = [
    {"clf": [LogisticRegression(max_iter=3000, class_weight="balanced")], "clf__C": [0.05, 0.2, 1.0]},
    {"clf": [HistGradientBoostingClassifier(random_state=SEED)],
     "clf__learning_rate": [0.05, 0.1], "clf__max_leaf_nodes": [15, 31]},
]
inner = StratifiedGroupKFold(n_splits=4, shuffle=True, random_state=SEED)
search = GridSearchCV(pipe, grid, scoring="average_precision", cv=inner, n_jobs=-1)
search.fit(X_train, y_train, groups=g_train)
print("best:", search.best_params_, f"cv PR-AUC {search.best_score_:.4f}")

# decision threshold from out-of-fold predictions on the training accounts
oof = cross_val_predict(search.best_estimator_, X_train, y_train, groups=g_train, cv=inner,
                        method="predict_proba")[:, 1]
prec, rec, thr = precision_recall_curve(y_train, oof)
f1 = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-12, None)
threshold = float(thr[np.argmax(f1)])

model = search.best_estimator_
baseline = Pipeline([("prep", preprocess), ("clf", DummyClassifier(strategy="prior"))]).fit(X_train, y_train)
p_test = model.predict_proba(X_test)[:, 1]
p_base = baseline.predict_proba(X_test)[:, 1]
print(f"test ROC-AUC {roc_auc_score(y_test, p_test):.4f} (prior {roc_auc_score(y_test, p_base):.4f})")
print(f"test PR-AUC  {average_precision_score(y_test, p_test):.4f} (prior {average_precision_score(y_test, p_base):.4f})")
print(f"test F1 @ {threshold:.3f}: {f1_score(y_test, p_test >= threshold):.4f}")

joblib.dump({"model": model, "threshold": threshold}, "models/line_churn.joblib")
