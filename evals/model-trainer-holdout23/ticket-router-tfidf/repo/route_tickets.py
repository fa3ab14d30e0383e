"""Route support tickets to one of 9 queues from subject + body text."""
import argparse
import json
import re
from pathlib import Path

import joblib
import pandas as pd
from scipy.sparse import hstack
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split

URL_RE = re.compile(r"https?://\S+")
NUM_RE = re.compile(r"\d+")


def normalise(text: str) -> str:
    text = URL_RE.sub(" <url> ", str(text).lower())
    return NUM_RE.sub(" <num> ", text)


def load_tickets(path: Path) -> pd.DataFrame:
    tickets = pd.read_json(path, lines=True)
    tickets = tickets.dropna(subset=["queue"]).drop_duplicates(subset=["ticket_id"])
    tickets["doc"] = (tickets["subject"].fillna("") + " . " + tickets["body"].fillna("")).map(normalise)
    return tickets


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("data/tickets_2024.jsonl"))
    parser.add_argument("--model-dir", type=Path, default=Path("models"))
    parser.add_argument("--seed", type=int, default=5)
    opts = parser.parse_args()

    tickets = load_tickets(opts.data)
    print(tickets["queue"].value_counts())

    word_vec = TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_df=0.9, sublinear_tf=True)
    char_vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=5, sublinear_tf=True)
    features = hstack([word_vec.fit_transform(tickets["doc"]), char_vec.fit_transform(tickets["doc"])]).tocsr()
    labels = tickets["queue"].to_numpy()

    Xa, Xb, ya, yb = train_test_split(
        features, labels, test_size=0.2, stratify=labels, random_state=opts.seed
    )

    clf = LogisticRegression(C=4.0, max_iter=3000, class_weight="balanced")
    clf.fit(Xa, ya)
    majority = DummyClassifier(strategy="most_frequent").fit(Xa, ya)

    pred = clf.predict(Xb)
    print(classification_report(yb, pred, digits=3))
    scores = {
        "macro_f1": f1_score(yb, pred, average="macro"),
        "weighted_f1": f1_score(yb, pred, average="weighted"),
        "majority_macro_f1": f1_score(yb, majority.predict(Xb), average="macro"),
    }
    print(json.dumps(scores, indent=2))

    opts.model_dir.mkdir(parents=True, exist_ok=True)
    joblib.dump({"word": word_vec, "char": char_vec, "clf": clf}, opts.model_dir / "router.joblib")


if __name__ == "__main__":
    main()
