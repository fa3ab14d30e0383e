import json

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import GridSearchCV, PredefinedSplit
from sklearn.pipeline import Pipeline
import numpy as np

from common import load_rct

ds = load_rct()
train, dev, test = ds["train"], ds["dev"], ds["test"]
texts = train["sentence"] + dev["sentence"]
labels = train["label"] + dev["label"]
fold = PredefinedSplit(np.r_[np.full(len(train), -1), np.zeros(len(dev))])  # tune on dev only

pipe = Pipeline([
    ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)),
    ("clf", LogisticRegression(max_iter=3000)),
])
search = GridSearchCV(pipe, {"clf__C": [0.3, 1, 3, 10]}, cv=fold, scoring="f1_macro", refit=False)
search.fit(texts, labels)
pipe.set_params(**search.best_params_).fit(train["sentence"], train["label"])
pred = pipe.predict(test["sentence"])
result = {
    "accuracy": accuracy_score(test["label"], pred),
    "macro_f1": f1_score(test["label"], pred, average="macro"),
    "weighted_f1": f1_score(test["label"], pred, average="weighted"),
    "C": search.best_params_["clf__C"],
}
print(json.dumps(result, indent=2))
json.dump(result, open("results/tfidf_lr.json", "w"), indent=2)
