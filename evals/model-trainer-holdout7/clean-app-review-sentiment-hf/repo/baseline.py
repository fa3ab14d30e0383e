"""Bag-of-ngrams reference on exactly the same splits."""
import json

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline

from reviews.splits import make_splits

cfg = json.load(open("settings.json"))
splits = make_splits(cfg["reviews_csv"], cfg["labels"], cfg["seed"])
ref = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
                    LogisticRegression(max_iter=2000, C=4.0, class_weight="balanced"))
ref.fit(splits["train"]["text"], splits["train"]["label"])
pred = ref.predict(splits["test"]["text"])
print(json.dumps({"tfidf_lr_accuracy": accuracy_score(splits["test"]["label"], pred),
                  "tfidf_lr_macro_f1": f1_score(splits["test"]["label"], pred, average="macro")}))
