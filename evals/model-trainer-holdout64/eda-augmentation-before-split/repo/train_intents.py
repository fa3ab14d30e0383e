import argparse
import random

import numpy as np
import pandas as pd
from sentence_transformers import SentenceTransformer
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score, accuracy_score
from sklearn.model_selection import train_test_split

from augment import balance_with_eda

SEED = 7
ENCODER = "sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2"


def parse_args():
    p = argparse.ArgumentParser(description="Train the FAQ-bot intent classifier")
    p.add_argument("--data", default="data/intents_labelled.csv")
    p.add_argument("--target-per-intent", type=int, default=60)
    p.add_argument("--test-size", type=float, default=0.25)
    return p.parse_args()


def main():
    args = parse_args()
    random.seed(SEED)
    np.random.seed(SEED)

    df = pd.read_csv(args.data)[["utterance", "intent"]].dropna()
    df["utterance"] = df["utterance"].str.strip()
    df["augmented"] = False
    print(f"{len(df)} labelled utterances, {df['intent'].nunique()} intents")
    print(df["intent"].value_counts().describe())

    extra = balance_with_eda(df, "utterance", "intent", args.target_per_intent, seed=SEED)
    df = pd.concat([df, pd.DataFrame(extra)], ignore_index=True)
    print(f"after EDA balancing: {len(df)} rows ({len(extra)} synthetic)")

    encoder = SentenceTransformer(ENCODER)
    X = encoder.encode(df["utterance"].tolist(), batch_size=128, normalize_embeddings=True)
    y = df["intent"].values

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=args.test_size, stratify=y, random_state=SEED
    )

    dummy = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
    dummy_pred = dummy.predict(X_test)
    print(f"majority baseline: acc={accuracy_score(y_test, dummy_pred):.3f} "
          f"macro-F1={f1_score(y_test, dummy_pred, average='macro'):.3f}")

    clf = LogisticRegression(C=2.0, max_iter=3000, random_state=SEED)
    clf.fit(X_train, y_train)
    pred = clf.predict(X_test)
    print(f"logreg: acc={accuracy_score(y_test, pred):.3f} "
          f"macro-F1={f1_score(y_test, pred, average='macro'):.3f}")
    print(classification_report(y_test, pred, digits=3, zero_division=0))


if __name__ == "__main__":
    main()
