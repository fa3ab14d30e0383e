"""Route support tickets to the right queue from their text."""
import re

import joblib
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.svm import LinearSVC

URL_RE = re.compile(r"https?://\S+")
NUM_RE = re.compile(r"\d+")


def clean_text(text: str) -> str:
    text = text.lower()
    text = URL_RE.sub(" url ", text)
    text = NUM_RE.sub(" 0 ", text)
    return " ".join(text.split())


def main() -> None:
    tickets = pd.read_csv("data/tickets.csv", usecols=["subject", "body", "queue"])
    tickets = tickets.dropna(subset=["body", "queue"])
    tickets["text"] = (tickets["subject"].fillna("") + " " + tickets["body"]).map(clean_text)

    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_df=0.9, sublinear_tf=True)
    X = vectorizer.fit_transform(tickets["text"])
    y = tickets["queue"]

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=13
    )

    clf = LinearSVC(C=0.3, class_weight="balanced", random_state=13)
    clf.fit(X_train, y_train)

    pred = clf.predict(X_test)
    print(classification_report(y_test, pred, digits=3))
    print("macro F1:", f1_score(y_test, pred, average="macro"))

    joblib.dump((vectorizer, clf), "artifacts/ticket_router.joblib")


if __name__ == "__main__":
    main()
