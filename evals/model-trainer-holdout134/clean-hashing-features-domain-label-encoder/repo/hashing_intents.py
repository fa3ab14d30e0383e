"""Streaming-friendly intent classifier: hashed n-grams + SGD (logistic loss).

The hashed feature space lets the same featuriser run inside the bot's message handler without a
saved vocabulary; only the TF-IDF weights and the linear model are learnt.
"""
import argparse

import joblib
import numpy as np
import pandas as pd
import yaml
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import LabelEncoder
from sklearn.utils.class_weight import compute_class_weight

ap = argparse.ArgumentParser()
ap.add_argument("--data", default="data/bank_bot_utterances.csv")  # text, intent, channel
ap.add_argument("--domain", default="domain.yml")
ap.add_argument("--seed", type=int, default=123)
args = ap.parse_args()

with open(args.domain) as f:
    domain_intents = yaml.safe_load(f)["intents"]
le = LabelEncoder().fit(domain_intents)

df = pd.read_csv(args.data)
unknown = set(df["intent"]) - set(domain_intents)
if unknown:
    print(f"dropping {len(df[df['intent'].isin(unknown)])} rows with intents not in domain: {sorted(unknown)}")
df = df[df["intent"].isin(domain_intents)].reset_index(drop=True)
y = le.transform(df["intent"])

hasher = HashingVectorizer(n_features=2**20, ngram_range=(1, 2), alternate_sign=False, norm=None,
                           lowercase=True, token_pattern=r"(?u)\b\w+\b")
X_hashed = hasher.transform(df["text"].astype(str))
X_chan = sparse.csr_matrix(pd.get_dummies(df["channel"]).reindex(columns=["web", "app", "whatsapp"], fill_value=0).to_numpy(dtype=float))
X = sparse.hstack([X_hashed, X_chan]).tocsr()

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=args.seed)

present = np.unique(y_train)
weights = compute_class_weight("balanced", classes=present, y=y_train)
class_weight = dict(zip(present, weights))

model = make_pipeline(
    TfidfTransformer(sublinear_tf=True),
    SGDClassifier(loss="log_loss", alpha=2e-6, max_iter=30, tol=1e-4,
                  class_weight=class_weight, random_state=args.seed),
)
model.fit(X_train, y_train)

pred = model.predict(X_test)
labels = np.unique(np.concatenate([y_test, pred]))
print(f"test macro-F1: {f1_score(y_test, pred, average='macro'):.4f}")
print(classification_report(y_test, pred, labels=labels, target_names=le.classes_[labels], digits=3))

joblib.dump({"hasher": hasher, "model": model, "label_encoder": le}, "models/hashing_sgd_intents.joblib")
