"""Banking assistant NLU: intent classifier with confidence-based out-of-scope rejection."""
import json
import random

import numpy as np
import pandas as pd
from sentence_transformers import SentenceTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

from abstention import OOS, abstention_metrics, choose_threshold, predict_with_threshold

SEED = 123
random.seed(SEED)
np.random.seed(SEED)

data = pd.read_csv("data/bot_utterances.csv")  # columns: text, intent (OOS rows labelled out_of_scope)
data = data.dropna().drop_duplicates(subset="text").reset_index(drop=True)

dev, test = train_test_split(data, test_size=0.2, stratify=data["intent"], random_state=SEED)
train, val = train_test_split(dev, test_size=0.2, stratify=dev["intent"], random_state=SEED)
print({k: len(v) for k, v in {"train": train, "val": val, "test": test}.items()})

encoder = SentenceTransformer("sentence-transformers/all-mpnet-base-v2")
enc = lambda df: encoder.encode(df["text"].tolist(), batch_size=128, normalize_embeddings=True)
E_train, E_val, E_test = enc(train), enc(val), enc(test)

in_scope = (train["intent"] != OOS).values
clf = LogisticRegression(C=10.0, max_iter=5000, random_state=SEED)
clf.fit(E_train[in_scope], train["intent"].values[in_scope])

val_probs = clf.predict_proba(E_val)
threshold = choose_threshold(clf.classes_, val_probs, val["intent"].values, min_in_scope_acc=0.92)
print(f"threshold chosen on validation: {threshold:.2f}")

test_probs = clf.predict_proba(E_test)
results = {
    "no_rejection_baseline": abstention_metrics(test["intent"].values, predict_with_threshold(clf.classes_, test_probs, 0.0)),
    "with_rejection": abstention_metrics(test["intent"].values, predict_with_threshold(clf.classes_, test_probs, threshold)),
}
print(json.dumps(results, indent=2))

with open("artifacts/nlu_threshold.json", "w") as f:
    json.dump({"threshold": threshold, "encoder": "all-mpnet-base-v2", "test": results}, f, indent=2)
