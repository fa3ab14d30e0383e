"""Non-neural baseline for Table 4.1: TF-IDF (word 1-2 grams) + logistic regression."""
import json

import numpy as np
from datasets import load_dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline

SEED = 13

ds = load_dataset("tweet_eval", "sentiment")
clf = make_pipeline(
    TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
    LogisticRegression(C=4.0, max_iter=3000, random_state=SEED),
)
clf.fit(ds["train"]["text"], ds["train"]["label"])
val_pred = clf.predict(ds["validation"]["text"])
test_pred = clf.predict(ds["test"]["text"])
res = {
    "val_macro_f1": f1_score(ds["validation"]["label"], val_pred, average="macro"),
    "test_macro_f1": f1_score(ds["test"]["label"], test_pred, average="macro"),
    "test_accuracy": accuracy_score(ds["test"]["label"], test_pred),
}
print(json.dumps(res, indent=2))
np.save("results/tfidf_test_pred.npy", test_pred)
