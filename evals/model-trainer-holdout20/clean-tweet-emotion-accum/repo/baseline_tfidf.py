"""Reference numbers: TF-IDF + logistic regression, tuned on the validation split."""
import sys

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score

from common import load_cfg, load_splits, seed_all

cfg = load_cfg(sys.argv[1] if len(sys.argv) > 1 else "conf/roberta_emotion.yaml")
seed_all(cfg["seed"])
ds = load_splits(cfg)
vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
X_tr = vec.fit_transform(ds["train"]["text"])
X_va, X_te = vec.transform(ds["validation"]["text"]), vec.transform(ds["test"]["text"])

best_c, best_f1 = None, -1.0
for c in (0.25, 1.0, 4.0, 16.0):
    clf = LogisticRegression(C=c, max_iter=3000, random_state=cfg["seed"]).fit(X_tr, ds["train"]["label"])
    f1 = f1_score(ds["validation"]["label"], clf.predict(X_va), average="macro")
    print(f"C={c:<5} val macro-F1 {f1:.4f}")
    if f1 > best_f1:
        best_c, best_f1 = c, f1

clf = LogisticRegression(C=best_c, max_iter=3000, random_state=cfg["seed"]).fit(X_tr, ds["train"]["label"])
pred = clf.predict(X_te)
print(f"baseline test macro-F1 {f1_score(ds['test']['label'], pred, average='macro'):.4f} "
      f"acc {accuracy_score(ds['test']['label'], pred):.4f}")
