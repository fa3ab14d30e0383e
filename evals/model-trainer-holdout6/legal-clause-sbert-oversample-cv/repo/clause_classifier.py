"""Contract clause type classifier (LEDGAR-style provisions, 24 most frequent labels)."""
import argparse
import json
import logging
from pathlib import Path

import numpy as np
import pandas as pd
from imblearn.over_sampling import RandomOverSampler
from sentence_transformers import SentenceTransformer
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("clauses")
SEED = 5


def embed(texts, model_name, cache: Path):
    if cache.exists():
        return np.load(cache)
    enc = SentenceTransformer(model_name, device="cuda")
    vecs = enc.encode(texts, batch_size=64, show_progress_bar=True, normalize_embeddings=True)
    np.save(cache, vecs)
    return vecs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/provisions_top24.jsonl")
    ap.add_argument("--encoder", default="sentence-transformers/all-mpnet-base-v2")
    ap.add_argument("--cache", default="cache/mpnet_provisions.npy")
    args = ap.parse_args()

    prov = pd.read_json(args.data, lines=True)
    log.info("label distribution:\n%s", prov["label"].value_counts().to_string())
    vecs = embed(prov["text"].tolist(), args.encoder, Path(args.cache))
    labels = prov["label"].to_numpy()

    V_tr, V_te, l_tr, l_te = train_test_split(vecs, labels, test_size=0.2, stratify=labels, random_state=SEED)

    # long tail: some labels have < 200 provisions, balance them before model selection
    ros = RandomOverSampler(sampling_strategy="not majority", random_state=SEED)
    V_bal, l_bal = ros.fit_resample(V_tr, l_tr)

    grid = GridSearchCV(
        LogisticRegression(max_iter=5000, multi_class="multinomial"),
        {"C": [0.25, 1.0, 4.0, 16.0]},
        scoring="f1_macro",
        cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED),
        n_jobs=-1,
    )
    grid.fit(V_bal, l_bal)
    log.info("best C=%s  cv macro-F1=%.4f", grid.best_params_["C"], grid.best_score_)

    dummy = DummyClassifier(strategy="stratified", random_state=SEED).fit(V_tr, l_tr)
    pred = grid.best_estimator_.predict(V_te)
    out = {
        "cv_macro_f1": grid.best_score_,
        "test_macro_f1": f1_score(l_te, pred, average="macro"),
        "test_micro_f1": f1_score(l_te, pred, average="micro"),
        "dummy_macro_f1": f1_score(l_te, dummy.predict(V_te), average="macro"),
    }
    print(classification_report(l_te, pred, digits=3))
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
