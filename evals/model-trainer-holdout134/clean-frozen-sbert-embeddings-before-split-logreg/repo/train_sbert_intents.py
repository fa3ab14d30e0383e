"""Banking assistant: logistic regression on frozen multilingual sentence embeddings.

Embeddings are cached to .npy so the encoder only has to run once per dataset version.
"""
import argparse
import os

import joblib
import numpy as np
import pandas as pd
from sentence_transformers import SentenceTransformer
from sklearn.linear_model import LogisticRegressionCV
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import StratifiedKFold, train_test_split

ap = argparse.ArgumentParser()
ap.add_argument("--data", default="data/bank_intents_multilingual.csv")  # text, lang, intent
ap.add_argument("--encoder", default="sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2")
ap.add_argument("--cache", default="cache/embeddings.npy")
ap.add_argument("--seed", type=int, default=31)
args = ap.parse_args()

df = pd.read_csv(args.data).dropna(subset=["text", "intent"]).reset_index(drop=True)
print(df.groupby("lang")["intent"].agg(["size", "nunique"]))

if os.path.exists(args.cache):
    emb = np.load(args.cache)
    assert len(emb) == len(df), "stale embedding cache"
else:
    encoder = SentenceTransformer(args.encoder, device="cpu")
    emb = encoder.encode(df["text"].tolist(), batch_size=128, normalize_embeddings=True,
                         show_progress_bar=True, convert_to_numpy=True)
    os.makedirs(os.path.dirname(args.cache), exist_ok=True)
    np.save(args.cache, emb)

strata = df["intent"] + "|" + df["lang"]
idx_train, idx_test = train_test_split(
    np.arange(len(df)), test_size=0.2, stratify=strata, random_state=args.seed
)
X_train, X_test = emb[idx_train], emb[idx_test]
y_train, y_test = df["intent"].values[idx_train], df["intent"].values[idx_test]

clf = LogisticRegressionCV(
    Cs=[0.3, 1, 3, 10, 30],
    cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed),
    scoring="f1_macro",
    max_iter=5000,
    class_weight="balanced",
    random_state=args.seed,
)
clf.fit(X_train, y_train)
print("chosen C:", clf.C_[0])

pred = clf.predict(X_test)
print(f"test macro-F1 {f1_score(y_test, pred, average='macro'):.4f}")
print(classification_report(y_test, pred, digits=3))

test_df = df.iloc[idx_test].assign(pred=pred)
per_lang = test_df.groupby("lang").apply(lambda g: f1_score(g["intent"], g["pred"], average="macro"))
print("macro-F1 by language:\n", per_lang.round(4))

joblib.dump({"encoder": args.encoder, "clf": clf}, "models/sbert_logreg.joblib")
