"""Weak-label tickets with an LLM, then train a cheap classifier on the labels."""
import json
from pathlib import Path

import pandas as pd
from openai import OpenAI
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

LABELS = ["billing", "bug", "feature_request", "account", "other"]
CACHE = Path("data/llm_labels.jsonl")
client = OpenAI(api_key="sk-proj-EXAMPLEexampleEXAMPLE0123456789abcdefFAKEfakeFAKE0123456789T3BlbkFJ")


def llm_label(text: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4o-mini",
        temperature=0,
        messages=[
            {"role": "system", "content": f"Classify the ticket into one of {LABELS}. Answer with the label only."},
            {"role": "user", "content": text[:4000]},
        ],
    )
    label = response.choices[0].message.content.strip()
    return label if label in LABELS else "other"


tickets = pd.read_csv("data/tickets_unlabeled.csv")
if CACHE.exists():
    labels = [json.loads(line)["label"] for line in CACHE.read_text().splitlines()]
else:
    labels = [llm_label(t) for t in tickets["text"]]
    CACHE.write_text("\n".join(json.dumps({"label": l}) for l in labels))
tickets["label"] = labels

train_df, test_df = train_test_split(tickets, test_size=0.2, stratify=tickets["label"], random_state=0)
clf = make_pipeline(TfidfVectorizer(min_df=2, ngram_range=(1, 2)), LogisticRegression(C=4.0, max_iter=3000))
clf.fit(train_df["text"], train_df["label"])
baseline = DummyClassifier(strategy="most_frequent").fit(train_df["text"], train_df["label"])

print(classification_report(test_df["label"], clf.predict(test_df["text"])))
print("majority baseline:")
print(classification_report(test_df["label"], baseline.predict(test_df["text"]), zero_division=0))
