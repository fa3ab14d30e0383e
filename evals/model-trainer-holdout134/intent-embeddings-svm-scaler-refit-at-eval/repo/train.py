"""Train an SVM intent classifier on sentence embeddings (customer-support bot, 48 intents)."""
import json

import joblib
import pandas as pd
from sklearn.metrics import f1_score
from sklearn.svm import SVC

from features import embed, scale

SEED = 0

train = pd.read_csv("data/support_intents_train.csv")  # utterance, intent
val = pd.read_csv("data/support_intents_val.csv")

X_tr = embed(train["utterance"], "cache/emb_train.npy")
X_val = embed(val["utterance"], "cache/emb_val.npy")

X_tr, scaler = scale(X_tr)
X_val, _ = scale(X_val, scaler)

results = {}
for C in [0.1, 0.3, 1.0, 3.0, 10.0]:
    clf = SVC(C=C, kernel="rbf", class_weight="balanced", random_state=SEED)
    clf.fit(X_tr, train["intent"])
    results[C] = f1_score(val["intent"], clf.predict(X_val), average="macro")
    print(f"C={C:<5} val macro-F1={results[C]:.4f}")

best_C = max(results, key=results.get)
clf = SVC(C=best_C, kernel="rbf", class_weight="balanced", random_state=SEED)
clf.fit(X_tr, train["intent"])

joblib.dump(clf, "models/intent_svm.joblib")
with open("models/intent_svm.json", "w") as f:
    json.dump({"C": best_C, "val_macro_f1": results[best_C]}, f, indent=2)
