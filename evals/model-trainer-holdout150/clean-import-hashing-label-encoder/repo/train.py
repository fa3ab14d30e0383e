"""Family classifier on hashed imports + section names (EMBER 2018 raw features, avclass labels)."""
import glob
import json

import joblib
import numpy as np
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import LabelEncoder, MaxAbsScaler

from features import featurize, read_jsonl

SEED = 2018
TOP_FAMILIES = 50

with open("settings.json") as f:
    settings = json.load(f)

records = [r for r in read_jsonl(sorted(glob.glob(settings["raw_glob"]))) if r.get("avclass")]
families, counts = np.unique([r["avclass"] for r in records], return_counts=True)
keep = set(families[np.argsort(counts)[::-1][:TOP_FAMILIES]])
records = [r for r in records if r["avclass"] in keep]

X = featurize(records)
le = LabelEncoder()
y = le.fit_transform([r["avclass"] for r in records])
print(X.shape, len(le.classes_), "families")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=SEED
)

clf = make_pipeline(
    MaxAbsScaler(),
    SGDClassifier(loss="modified_huber", alpha=settings["alpha"], max_iter=50,
                  class_weight="balanced", n_jobs=-1, random_state=SEED),
)
clf.fit(X_train, y_train)

pred = clf.predict(X_test)
print("macro F1:", round(f1_score(y_test, pred, average="macro"), 4))
print(classification_report(y_test, pred, target_names=le.classes_, digits=3, zero_division=0))
joblib.dump({"model": clf, "labels": le}, settings["model_out"])
