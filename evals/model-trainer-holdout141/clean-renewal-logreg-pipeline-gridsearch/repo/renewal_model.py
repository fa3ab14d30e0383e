"""Renewal propensity for the Q4-2023 renewal cohort (pet insurance).

Snapshot = every policy invited to renew between 2023-10-01 and 2023-12-31, features frozen
at the invitation date, target `renewed` observed 30 days after term end. Cross-sectional:
one row per policy, one renewal decision each.
"""
import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 20231231

snap = pd.read_csv("data/renewal_snapshot_2023Q4.csv")
assert snap["policy_id"].is_unique

snap["premium_change_pct"] = snap["renewal_premium"] / snap["expiring_premium"] - 1
snap["log_renewal_premium"] = np.log(snap["renewal_premium"])
snap["pet_age_years"] = snap["pet_age_months"] / 12
snap = snap.drop(columns=["pet_age_months", "customer_email_domain", "postcode"])

numeric = ["premium_change_pct", "log_renewal_premium", "pet_age_years", "tenure_years",
           "n_claims_term", "paid_claims_term", "n_pets_on_account", "excess_amount"]
categorical = ["species", "breed_group", "cover_level", "channel", "payment_frequency", "region"]

X, y = snap[numeric + categorical], snap["renewed"]
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=SEED
)

preprocess = ColumnTransformer([
    ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), numeric),
    ("cat", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=50), categorical),
])
pipe = Pipeline([
    ("prep", preprocess),
    ("clf", LogisticRegression(max_iter=3000, solver="lbfgs", random_state=SEED)),
])

search = GridSearchCV(
    pipe,
    param_grid={"clf__C": [0.01, 0.03, 0.1, 0.3, 1.0, 3.0], "clf__class_weight": [None, "balanced"]},
    scoring="roc_auc",
    cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED),
    n_jobs=-1,
)
search.fit(X_train, y_train)
print("best params:", search.best_params_, "cv AUC:", round(search.best_score_, 4))

best = search.best_estimator_
p_test = best.predict_proba(X_test)[:, 1]
print("test AUC  :", round(roc_auc_score(y_test, p_test), 4))
print("test Brier:", round(brier_score_loss(y_test, p_test), 4))
print("baseline Brier (train rate):", round(brier_score_loss(y_test, np.full(len(y_test), y_train.mean())), 4))

ohe = best.named_steps["prep"].named_transformers_["cat"]
coef = pd.Series(best.named_steps["clf"].coef_[0], index=numeric + list(ohe.get_feature_names_out(categorical)))
print(coef.sort_values().round(3).to_string())
joblib.dump(best, "models/renewal_logreg.joblib")
