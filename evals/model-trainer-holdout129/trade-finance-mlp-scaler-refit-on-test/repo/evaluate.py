import joblib
import numpy as np
from sklearn.metrics import average_precision_score, confusion_matrix, roc_auc_score

from common import load

bundle = joblib.load("tbml_mlp.joblib")
scaler, mlp = bundle["scaler"], bundle["model"]

X_test, y_test = load("data/test.csv")
X_test_s = scaler.fit_transform(X_test)

p = mlp.predict_proba(X_test_s)[:, 1]
print("2023 holdout")
print("  ROC AUC:", round(roc_auc_score(y_test, p), 4))
print("  PR AUC :", round(average_precision_score(y_test, p), 4))

# investigators can review ~2% of invoices
cut = np.quantile(p, 0.98)
tn, fp, fn, tp = confusion_matrix(y_test, (p >= cut).astype(int)).ravel()
print(f"  top-2% review: precision {tp / (tp + fp):.3f}, recall {tp / (tp + fn):.3f}")
