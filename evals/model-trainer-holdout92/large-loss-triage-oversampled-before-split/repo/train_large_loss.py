"""Commercial property: flag claims likely to exceed the large-loss threshold at first notification.

Flagged claims are routed to the major loss team and get an early reserve review.
"""
import joblib
import numpy as np
import pandas as pd
from imblearn.over_sampling import RandomOverSampler
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

SEED = 2023
LARGE_LOSS = 250_000

NUMERIC = [
    "sum_insured", "initial_reserve", "days_to_report", "building_age", "n_prior_claims_5y",
    "policy_deductible", "business_turnover",
]
CATEGORICAL = ["peril", "occupancy_class", "construction", "sprinklered", "broker_channel", "region"]


def load_claims(path):
    claims = pd.read_csv(path, parse_dates=["loss_date", "notification_date"])
    claims["days_to_report"] = (claims["notification_date"] - claims["loss_date"]).dt.days.clip(lower=0)
    claims["large_loss"] = (claims["ultimate_incurred"] >= LARGE_LOSS).astype(int)
    return claims


claims = load_claims("data/property_claims_fnol_2015_2023.csv")
X = claims[NUMERIC + CATEGORICAL]
y = claims["large_loss"]
print(f"{len(claims):,} claims, large-loss share {y.mean():.2%}")

ros = RandomOverSampler(sampling_strategy=0.5, random_state=SEED)
X_bal, y_bal = ros.fit_resample(X, y)

X_train, X_test, y_train, y_test = train_test_split(
    X_bal, y_bal, test_size=0.2, stratify=y_bal, random_state=SEED
)

preprocess = ColumnTransformer([
    ("num", "passthrough", NUMERIC),
    ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), CATEGORICAL),
])
clf = Pipeline([
    ("prep", preprocess),
    ("rf", RandomForestClassifier(
        n_estimators=500, max_depth=12, min_samples_leaf=5, n_jobs=-1, random_state=SEED,
    )),
])
clf.fit(X_train, y_train)

pred = clf.predict(X_test)
print(f"test accuracy: {accuracy_score(y_test, pred):.4f}")

importances = pd.Series(
    clf.named_steps["rf"].feature_importances_, index=NUMERIC + CATEGORICAL
).sort_values(ascending=False)
print(importances.head(10))

joblib.dump(clf, "models/large_loss_rf.joblib")
