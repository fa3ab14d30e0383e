"""Pick the featurisation + C on validation customers, refit the winner on
train+val, report test macro-F1.
"""
import argparse
import itertools
import json

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import make_pipeline
from sklearn.svm import LinearSVC

ANALYZERS = {
    "char_wb_2_5": dict(analyzer="char_wb", ngram_range=(2, 5)),
    "char_3_6": dict(analyzer="char", ngram_range=(3, 6)),
    "word_1_2": dict(analyzer="word", ngram_range=(1, 2), token_pattern=r"(?u)\b\w+\b"),
}
CS = [0.1, 0.3, 1.0, 3.0]


def build(feat, C, seed):
    return make_pipeline(
        TfidfVectorizer(min_df=2, sublinear_tf=True, **ANALYZERS[feat]),
        LinearSVC(C=C, class_weight="balanced", random_state=seed),
    )


def group_split(df, frac, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=frac, random_state=seed)
    a, b = next(gss.split(df, groups=df["customer_id"]))
    return df.iloc[a], df.iloc[b]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/labelled_txn.csv")
    ap.add_argument("--seed", type=int, default=123)
    ap.add_argument("--results", default="results/selection.json")
    a = ap.parse_args()

    df = pd.read_csv(a.data, usecols=["customer_id", "description", "category"]).dropna()
    df["description"] = df["description"].str.lower().str.replace(r"\d+", "0", regex=True)

    dev, test = group_split(df, 0.2, a.seed)
    train, val = group_split(dev, 0.2, a.seed + 1)
    print(f"train {len(train):,}  val {len(val):,}  test {len(test):,}")

    scores = {}
    for feat, C in itertools.product(ANALYZERS, CS):
        m = build(feat, C, a.seed).fit(train["description"], train["category"])
        scores[(feat, C)] = f1_score(val["category"], m.predict(val["description"]), average="macro")
        print(f"{feat:12s} C={C:<4} val macro-F1 {scores[(feat, C)]:.4f}")

    best_feat, best_C = max(scores, key=scores.get)
    print(f"selected {best_feat}, C={best_C}")

    final = build(best_feat, best_C, a.seed).fit(dev["description"], dev["category"])
    test_f1 = f1_score(test["category"], final.predict(test["description"]), average="macro")
    print(f"test macro-F1 (refit on train+val): {test_f1:.4f}")

    with open(a.results, "w") as fh:
        json.dump({"selected": {"features": best_feat, "C": best_C},
                   "val_scores": {f"{k[0]}|{k[1]}": v for k, v in scores.items()},
                   "test_macro_f1": test_f1}, fh, indent=2)


if __name__ == "__main__":
    main()
