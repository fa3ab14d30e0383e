import joblib
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["age", "vehicle_age", "annual_premium", "prior_claims", "annual_mileage"]
CATEGORICAL = ["region", "vehicle_type", "policy_channel", "gender"]
TARGET = "filed_claim"

claims = pd.read_csv("data/claims_2023.csv")
claims = claims[claims["annual_premium"] > 0]
print(claims[TARGET].value_counts(normalize=True))

preprocessor = ColumnTransformer(
    [
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CATEGORICAL),
    ]
)
X = preprocessor.fit_transform(claims[NUMERIC + CATEGORICAL])
y = claims[TARGET].to_numpy()

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=7
)

clf = GradientBoostingClassifier(
    n_estimators=300, learning_rate=0.05, max_depth=3, subsample=0.8, random_state=7
)
clf.fit(X_train, y_train)

scores = clf.predict_proba(X_test)[:, 1]
print("ROC AUC:", round(roc_auc_score(y_test, scores), 4))
print("PR AUC:", round(average_precision_score(y_test, scores), 4))
print("F1 @0.5:", round(f1_score(y_test, scores >= 0.5), 4))

joblib.dump({"preprocessor": preprocessor, "model": clf}, "models/claims_gbm.joblib")
