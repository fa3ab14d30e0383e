"""Rental-application screening model.

Applications from the same household (co-applicants, re-applications) share a household_id and must
never straddle folds. Protected characteristics are kept out of the features and used only for the
fair-housing audit.
"""
import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import average_precision_score, brier_score_loss, f1_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedGroupKFold, cross_val_predict
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 77
NUM = ["monthly_income", "rent_to_income", "months_at_current_address", "eviction_filings_7y",
       "collections_balance", "bureau_score", "num_prior_landlord_refs"]
CAT = ["income_source", "unit_bedrooms", "property_region"]
PROTECTED = ["race_ethnicity", "sex", "has_voucher"]
TARGET = "lease_default"

apps = pd.read_csv("data/rental_applications.csv")
apps = apps.dropna(subset=[TARGET]).reset_index(drop=True)
X, y, households = apps[NUM + CAT], apps[TARGET], apps["household_id"]

outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
dev_idx, test_idx = next(outer.split(X, y, groups=households))
X_dev, y_dev, g_dev = X.iloc[dev_idx], y.iloc[dev_idx], households.iloc[dev_idx]
X_test, y_test = X.iloc[test_idx], y.iloc[test_idx]
assert not set(g_dev) & set(households.iloc[test_idx])

pre = ColumnTransformer([
    ("num", Pipeline([("imp", SimpleImputer(strategy="median")), ("sc", StandardScaler())]), NUM),
    ("cat", OneHotEncoder(handle_unknown="ignore"), CAT),
])
pipe = Pipeline([("pre", pre), ("gbm", HistGradientBoostingClassifier(random_state=SEED))])
grid = {"gbm__learning_rate": [0.03, 0.1], "gbm__max_leaf_nodes": [15, 31], "gbm__l2_regularization": [0.0, 1.0]}
inner = StratifiedGroupKFold(n_splits=4, shuffle=True, random_state=SEED)
search = GridSearchCV(pipe, grid, scoring="average_precision", cv=inner, n_jobs=-1)
search.fit(X_dev, y_dev, groups=g_dev)
print("best params:", search.best_params_, "cv AP:", round(search.best_score_, 4))

oof = cross_val_predict(search.best_estimator_, X_dev, y_dev, groups=g_dev, cv=inner, method="predict_proba")[:, 1]
grid_t = np.linspace(0.05, 0.6, 56)
threshold = float(grid_t[np.argmax([f1_score(y_dev, (oof >= t).astype(int)) for t in grid_t])])

model = search.best_estimator_
baseline = DummyClassifier(strategy="prior").fit(X_dev, y_dev)
p_test = model.predict_proba(X_test)[:, 1]
print(f"test AUC {roc_auc_score(y_test, p_test):.4f} | AP {average_precision_score(y_test, p_test):.4f} "
      f"(prior {average_precision_score(y_test, baseline.predict_proba(X_test)[:, 1]):.4f}) | "
      f"Brier {brier_score_loss(y_test, p_test):.4f} | F1@{threshold:.2f} "
      f"{f1_score(y_test, (p_test >= threshold).astype(int)):.4f}")

denied = p_test >= threshold
audit_frame = apps.iloc[test_idx][PROTECTED].assign(denied=denied, defaulted=y_test.to_numpy())
for col in PROTECTED:
    rates = audit_frame.groupby(col).agg(n=("denied", "size"), denial_rate=("denied", "mean"),
                                         default_rate=("defaulted", "mean"))
    rates["acceptance_ratio"] = (1 - rates["denial_rate"]) / (1 - rates["denial_rate"]).max()
    print(rates.round(3))

# Deployment artifact: same pipeline and hyperparameters, refit on every labelled application.
final = search.best_estimator_.fit(X, y)
joblib.dump({"model": final, "threshold": threshold, "params": search.best_params_},
            "models/tenant_screening_hgb.joblib")
