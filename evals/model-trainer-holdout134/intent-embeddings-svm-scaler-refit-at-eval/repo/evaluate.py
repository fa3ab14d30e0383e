"""Score the saved intent SVM on the held-out test utterances."""
import json

import joblib
import pandas as pd
from sklearn.metrics import classification_report, confusion_matrix, f1_score

from features import embed, scale

clf = joblib.load("models/intent_svm.joblib")
test = pd.read_csv("data/support_intents_test.csv")

X_test = embed(test["utterance"], "cache/emb_test.npy")
X_test, _ = scale(X_test)

pred = clf.predict(X_test)
print(classification_report(test["intent"], pred, digits=3))
print("macro-F1:", round(f1_score(test["intent"], pred, average="macro"), 4))

labels = sorted(test["intent"].unique())
cm = pd.DataFrame(confusion_matrix(test["intent"], pred, labels=labels), index=labels, columns=labels)
cm.to_csv("reports/confusion_matrix.csv")
with open("reports/test_metrics.json", "w") as f:
    json.dump({"macro_f1": f1_score(test["intent"], pred, average="macro")}, f, indent=2)
