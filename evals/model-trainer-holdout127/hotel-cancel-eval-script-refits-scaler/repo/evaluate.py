"""Score the held-out 2017 Q2 arrivals with the trained cancellation MLP."""
import joblib
import pandas as pd
from sklearn.metrics import average_precision_score, brier_score_loss, classification_report, roc_auc_score

from features import TARGET, build_matrix

clf = joblib.load("models/cancel_mlp.joblib")
encoder = joblib.load("models/onehot.joblib")

test = pd.read_parquet("data/test_2017Q2.parquet")
X_test, _, _ = build_matrix(test, encoder=encoder)
y_test = test[TARGET]

proba = clf.predict_proba(X_test)[:, 1]
print(f"ROC AUC   {roc_auc_score(y_test, proba):.4f}")
print(f"PR AUC    {average_precision_score(y_test, proba):.4f}")
print(f"Brier     {brier_score_loss(y_test, proba):.4f}")
print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))

by_hotel = test.assign(p=proba).groupby("hotel").apply(lambda g: roc_auc_score(g[TARGET], g["p"]))
print(by_hotel.rename("auc"))
