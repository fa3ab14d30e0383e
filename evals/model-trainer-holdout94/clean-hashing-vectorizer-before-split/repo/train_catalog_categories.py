"""Product-title -> catalog category for the marketplace ingestion service.

The catalog export has ~2M titles, so titles are hashed once up front
(no vocabulary to store) and the hashed matrix is reused for every experiment.
"""
import json
import re
import unicodedata
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

SEED = 404
N_FEATURES = 2 ** 22
CACHE = Path("cache/catalog_hashed.npz")
OUT = Path("artifacts/catalog_sgd")

UNIT_RE = re.compile(r"(\d+(?:[.,]\d+)?)\s?(ml|l|g|kg|cm|mm|in|gb|tb|mah|w)\b")
SKU_RE = re.compile(r"\b[a-z]{0,3}\d{5,}[a-z]{0,3}\b")


def normalise_title(title: str) -> str:
    title = unicodedata.normalize("NFKC", title).lower()
    title = UNIT_RE.sub(lambda m: f" {m.group(1)}{m.group(2)} unit_{m.group(2)} ", title)
    title = SKU_RE.sub(" skucode ", title)
    return re.sub(r"[^\w\s]", " ", title)


word_hasher = HashingVectorizer(n_features=N_FEATURES, ngram_range=(1, 2), alternate_sign=False,
                                norm=None, preprocessor=normalise_title)
char_hasher = HashingVectorizer(n_features=N_FEATURES, analyzer="char_wb", ngram_range=(3, 4),
                                alternate_sign=False, norm=None, preprocessor=normalise_title)


def hash_titles(titles: pd.Series) -> sparse.csr_matrix:
    return sparse.hstack([word_hasher.transform(titles), char_hasher.transform(titles)]).tocsr()


catalog = pd.read_parquet("data/catalog_titles.parquet", columns=["sku", "title", "category_l2"])
catalog = catalog.dropna().drop_duplicates("title").reset_index(drop=True)
counts = catalog["category_l2"].value_counts()
catalog = catalog[catalog["category_l2"].isin(counts[counts >= 50].index)].reset_index(drop=True)

if CACHE.exists():
    X_all = sparse.load_npz(CACHE)
else:
    X_all = hash_titles(catalog["title"])
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    sparse.save_npz(CACHE, X_all)
y_all = catalog["category_l2"].to_numpy()

idx_train, idx_test = train_test_split(
    np.arange(len(catalog)), test_size=0.1, stratify=y_all, random_state=SEED
)
X_train, X_test = X_all[idx_train], X_all[idx_test]
y_train, y_test = y_all[idx_train], y_all[idx_test]

model = make_pipeline(
    TfidfTransformer(sublinear_tf=True),
    SGDClassifier(loss="log_loss", alpha=2e-7, max_iter=20, tol=1e-4, early_stopping=True,
                  validation_fraction=0.05, n_iter_no_change=3, random_state=SEED, n_jobs=-1),
)
model.fit(X_train, y_train)
majority = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)

results = {}
for name, est in [("sgd_logreg", model), ("majority", majority)]:
    pred = est.predict(X_test)
    results[name] = {
        "accuracy": accuracy_score(y_test, pred),
        "macro_f1": f1_score(y_test, pred, average="macro"),
        "weighted_f1": f1_score(y_test, pred, average="weighted"),
    }
print(json.dumps(results, indent=2))

OUT.mkdir(parents=True, exist_ok=True)
joblib.dump({"word_hasher": word_hasher, "char_hasher": char_hasher, "model": model},
            OUT / "catalog_sgd.joblib")
(OUT / "metrics.json").write_text(json.dumps(results, indent=2))
