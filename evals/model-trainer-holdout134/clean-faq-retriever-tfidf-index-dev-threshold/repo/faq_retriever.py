"""Lexical FAQ retriever for the HR helpdesk bot, with an abstain threshold.

Index: TF-IDF over the knowledge base (FAQ question + alternative phrasings + answer).
Score = sim(query, question text) + answer_weight * sim(query, answer).
"""
import argparse
import json

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel

OOS = "__oos__"


class FaqRetriever:
    def __init__(self, ngram_range=(1, 2), answer_weight=0.5):
        self.vec = TfidfVectorizer(ngram_range=ngram_range, sublinear_tf=True, stop_words="english")
        self.answer_weight = answer_weight

    def fit(self, kb: pd.DataFrame):
        self.ids = kb["faq_id"].to_numpy()
        docs = (kb["question"] + " " + kb["alt_questions"].fillna("")).tolist()
        answers = kb["answer"].tolist()
        self.vec.fit(docs + answers)
        self.q_mat = self.vec.transform(docs)
        self.a_mat = self.vec.transform(answers)
        return self

    def scores(self, queries):
        qv = self.vec.transform(queries)
        return linear_kernel(qv, self.q_mat) + self.answer_weight * linear_kernel(qv, self.a_mat)

    def predict(self, queries, threshold):
        s = self.scores(queries)
        best = s.argmax(axis=1)
        return np.where(s.max(axis=1) >= threshold, self.ids[best], OOS)


def metrics(gold, pred):
    gold, pred = np.asarray(gold), np.asarray(pred)
    ins = gold != OOS
    return {
        "in_scope_acc": float((pred[ins] == gold[ins]).mean()),
        "oos_recall": float((pred[~ins] == OOS).mean()),
        "accuracy": float((pred == gold).mean()),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kb", default="data/hr_faq_kb.csv")
    ap.add_argument("--dev", default="data/queries_dev.csv")
    ap.add_argument("--test", default="data/queries_test.csv")
    args = ap.parse_args()

    kb = pd.read_csv(args.kb)
    dev = pd.read_csv(args.dev).fillna({"faq_id": OOS})
    test = pd.read_csv(args.test).fillna({"faq_id": OOS})

    retriever = FaqRetriever().fit(kb)

    grid = np.round(np.arange(0.05, 0.60, 0.025), 3)
    dev_results = [{"threshold": t, **metrics(dev["faq_id"], retriever.predict(dev["query"], t))} for t in grid]
    dev_results = pd.DataFrame(dev_results)
    print(dev_results.to_string(index=False))
    threshold = float(dev_results.loc[dev_results["accuracy"].idxmax(), "threshold"])
    print(f"chosen threshold on dev: {threshold}")

    test_metrics = metrics(test["faq_id"], retriever.predict(test["query"], threshold))
    print("TEST:", json.dumps(test_metrics, indent=2))
    with open("faq_retriever_eval.json", "w") as f:
        json.dump({"threshold": threshold, "test": test_metrics}, f, indent=2)


if __name__ == "__main__":
    main()
