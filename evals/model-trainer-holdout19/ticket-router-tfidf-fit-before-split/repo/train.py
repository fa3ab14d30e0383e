"""Route helpdesk tickets to a queue with a linear model on TF-IDF features."""
import argparse
import logging

import joblib
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split

from src.data import load_tickets
from src.text import clean_text, make_vectorizer

CONFIG = {
    "seed": 13,
    "test_size": 0.2,
    "tfidf": {"ngram_range": (1, 2), "min_df": 3, "max_df": 0.9},
    "sgd": {"loss": "modified_huber", "alpha": 2e-5, "max_iter": 50, "class_weight": "balanced"},
}
logger = logging.getLogger(__name__)


def main(args):
    logging.basicConfig(level=logging.INFO)
    tickets = load_tickets(args.data)
    tickets["body"] = tickets["body"].map(clean_text)
    logger.info("%d tickets, queue distribution:\n%s", len(tickets), tickets["queue"].value_counts())

    vectorizer = make_vectorizer(CONFIG["tfidf"])
    features = vectorizer.fit_transform(tickets["body"])
    labels = tickets["queue"].to_numpy()

    f_train, f_test, lab_train, lab_test = train_test_split(
        features, labels, test_size=CONFIG["test_size"], stratify=labels, random_state=CONFIG["seed"])

    baseline = DummyClassifier(strategy="most_frequent").fit(f_train, lab_train)
    clf = SGDClassifier(random_state=CONFIG["seed"], **CONFIG["sgd"]).fit(f_train, lab_train)

    for name, model in [("majority", baseline), ("sgd", clf)]:
        pred = model.predict(f_test)
        logger.info("%s: acc=%.3f macro-F1=%.3f", name, accuracy_score(lab_test, pred),
                    f1_score(lab_test, pred, average="macro"))
    print(classification_report(lab_test, clf.predict(f_test), digits=3))

    joblib.dump({"vectorizer": vectorizer, "model": clf}, args.out)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/tickets.jsonl")
    parser.add_argument("--out", default="ticket_router.joblib")
    main(parser.parse_args())
