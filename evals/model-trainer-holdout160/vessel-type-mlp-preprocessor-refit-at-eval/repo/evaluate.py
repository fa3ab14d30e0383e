"""Score the saved MLP on the held-out vessels."""
import joblib
import pandas as pd
from sklearn.metrics import classification_report, confusion_matrix, f1_score

from preprocess import FEATURES, TARGET, build_preprocessor

clf = joblib.load("models/vessel_mlp.joblib")
test = pd.read_parquet("data/test_vessels.parquet")

pre = build_preprocessor()
X_te = pre.fit_transform(test[FEATURES])
pred = clf.predict(X_te)

print(classification_report(test[TARGET], pred, digits=3))
print("test macro-F1:", round(f1_score(test[TARGET], pred, average="macro"), 4))
labels = list(clf.classes_)
print(pd.DataFrame(confusion_matrix(test[TARGET], pred, labels=labels), index=labels, columns=labels))
