"""Predict whether a production batch passes QA."""
import joblib
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import classification_report, roc_auc_score

FEATURES = [
    "line_speed", "oven_temp", "humidity", "resin_batch_age_days",
    "operator_shift", "viscosity", "cure_time_s",
]

batches = pd.read_csv("data/batches_2024.csv")
batches = batches.dropna(subset=["passed_qa"])
X = batches[FEATURES]
y = batches["passed_qa"].astype(int)

model = HistGradientBoostingClassifier(
    max_iter=300, learning_rate=0.05, max_depth=6, l2_regularization=1.0, random_state=4
)
model.fit(X, y)

pred = model.predict(X)
proba = model.predict_proba(X)[:, 1]
print(classification_report(y, pred, digits=3))
print("ROC AUC:", roc_auc_score(y, proba))

joblib.dump(model, "models/qa_model.joblib")
print("saved models/qa_model.joblib")
