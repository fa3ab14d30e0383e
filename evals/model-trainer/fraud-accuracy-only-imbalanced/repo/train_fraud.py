import joblib
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

claims = pd.read_csv("data/insurance_claims.csv")
print(claims["fraudulent"].value_counts())  # 0: 48_712, 1: 503

features = ["claim_amount", "policy_age_days", "prior_claims", "days_to_report", "num_parties", "police_report"]
X_train, X_test, y_train, y_test = train_test_split(
    claims[features], claims["fraudulent"], test_size=0.2, stratify=claims["fraudulent"], random_state=10
)

model = make_pipeline(
    StandardScaler(),
    LogisticRegression(C=0.3, class_weight="balanced", max_iter=2000),
)
model.fit(X_train, y_train)

train_acc = accuracy_score(y_train, model.predict(X_train))
test_acc = accuracy_score(y_test, model.predict(X_test))
print(f"train accuracy {train_acc:.4f}")
print(f"test accuracy  {test_acc:.4f}")
if test_acc > 0.95:
    joblib.dump(model, "models/fraud_logreg.joblib")
    print("model accepted and saved")
