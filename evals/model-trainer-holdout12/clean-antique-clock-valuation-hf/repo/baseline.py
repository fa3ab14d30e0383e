"""TF-IDF + logistic regression baseline on the exact same splits as the transformer."""
import json
import sys

from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline

sys.path.insert(0, "src")
from clockval.data import load_splits  # noqa: E402

cfg = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "config.json"))
splits = load_splits(cfg)
tr, te = splits["train"], splits["test"]

models = {
    "majority": DummyClassifier(strategy="most_frequent"),
    "tfidf_logreg": make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True),
        LogisticRegression(C=4.0, max_iter=3000, class_weight="balanced"),
    ),
}
for name, m in models.items():
    m.fit(tr["text"], tr["label"])
    pred = m.predict(te["text"])
    print(f"{name:13s} test macro-F1 {f1_score(te['label'], pred, average='macro'):.3f}  "
          f"acc {accuracy_score(te['label'], pred):.3f}")
