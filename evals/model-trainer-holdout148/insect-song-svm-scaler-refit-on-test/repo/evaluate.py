"""Score the saved SVM on the held-out transects."""
import joblib
import pandas as pd
from sklearn.metrics import classification_report, confusion_matrix, f1_score
from sklearn.preprocessing import StandardScaler

from features import build_matrix, load_meta

META, AUDIO = "data/meta.csv", "data/clips"

svc = joblib.load("models/insect_svc.joblib")
test_meta = load_meta(META, "test")
X_test, y_test = build_matrix(test_meta, AUDIO)

X_test = StandardScaler().fit_transform(X_test)
pred = svc.predict(X_test)

print(f"test macro-F1: {f1_score(y_test, pred, average='macro'):.3f}")
print(classification_report(y_test, pred, digits=3, zero_division=0))
labels = sorted(set(y_test))
print(pd.DataFrame(confusion_matrix(y_test, pred, labels=labels), index=labels, columns=labels))
