"""Toxic comment detector for the community forum moderation queue."""
import nltk
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline

from augment import augment_text

SEED = 31
N_AUG = 4

nltk.download("wordnet", quiet=True)
np.random.seed(SEED)

comments = pd.read_csv("data/forum_comments_labelled.csv")
comments = comments.dropna(subset=["comment_text"])
comments["comment_text"] = comments["comment_text"].str.replace(r"\s+", " ", regex=True).str.strip()
print(comments["toxic"].value_counts(normalize=True))

toxic = comments[comments["toxic"] == 1]
extra_rows = []
for idx, row in toxic.iterrows():
    for aug in augment_text(row["comment_text"], n_aug=N_AUG, seed=SEED + idx):
        extra_rows.append({"comment_id": f"{row['comment_id']}_aug", "comment_text": aug, "toxic": 1})
augmented = pd.concat([comments, pd.DataFrame(extra_rows)], ignore_index=True)
print("after augmentation:", augmented["toxic"].value_counts().to_dict())

X_train, X_test, y_train, y_test = train_test_split(
    augmented["comment_text"], augmented["toxic"],
    test_size=0.2, stratify=augmented["toxic"], random_state=SEED,
)

pipe = Pipeline([
    ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=100_000, sublinear_tf=True)),
    ("clf", LogisticRegression(C=4.0, max_iter=2000, solver="liblinear")),
])
pipe.fit(X_train, y_train)

baseline = DummyClassifier(strategy="stratified", random_state=SEED).fit(X_train, y_train)

for name, model in [("baseline", baseline), ("tfidf+lr", pipe)]:
    proba = model.predict_proba(X_test)[:, 1]
    print(f"{name}: ROC-AUC={roc_auc_score(y_test, proba):.4f} PR-AUC={average_precision_score(y_test, proba):.4f}")

print(classification_report(y_test, pipe.predict(X_test), digits=3))
