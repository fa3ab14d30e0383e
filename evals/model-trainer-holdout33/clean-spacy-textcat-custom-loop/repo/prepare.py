"""Lemmatise feedback comments with the pretrained en_core_web_sm pipeline.

The pretrained tagger/lemmatizer is used as-is (no updates), so running it over every comment
is a per-document transformation and is done once for the whole file.
"""
import argparse

import pandas as pd
import spacy


def lemmatise(texts, batch_size=256):
    nlp = spacy.load("en_core_web_sm", disable=["ner", "parser"])
    out = []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        out.append(" ".join(t.lemma_.lower() for t in doc if not (t.is_space or t.is_punct)))
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", default="data/feedback_raw.csv")
    ap.add_argument("--dst", default="data/feedback_lemmas.csv")
    a = ap.parse_args()
    df = pd.read_csv(a.src).dropna(subset=["comment", "category"])
    df["lemmas"] = lemmatise(df["comment"].tolist())
    df.to_csv(a.dst, index=False)
