"""TF-IDF + logistic regression baseline on the same pinned splits (numbers go next to the fine-tune)."""
import os

from datasets import load_dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import GridSearchCV, PredefinedSplit
from sklearn.pipeline import make_pipeline
import numpy as np

from finetune import CFG

ds = load_dataset(CFG["dataset"], revision=CFG["dataset_revision"], token=os.environ["HF_TOKEN"])
tr, va, te = ds["train"], ds["validation"], ds["test"]

# pick C on the validation split only
texts = list(tr["text"]) + list(va["text"])
y = list(tr["label"]) + list(va["label"])
fold = np.r_[np.full(len(tr), -1), np.zeros(len(va))]
gs = GridSearchCV(make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
                                LogisticRegression(max_iter=3000)),
                  {"logisticregression__C": [0.3, 1, 3, 10]}, cv=PredefinedSplit(fold), scoring="f1_macro", refit=False)
gs.fit(texts, y)
best_C = gs.best_params_["logisticregression__C"]

clf = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
                    LogisticRegression(max_iter=3000, C=best_C)).fit(tr["text"], tr["label"])
pred = clf.predict(te["text"])
print({"C": best_C, "test_accuracy": accuracy_score(te["label"], pred),
       "test_f1_macro": f1_score(te["label"], pred, average="macro")})
