"""Phishing email text model: TF-IDF (word or char) + logistic regression."""
from dataclasses import dataclass, field

import joblib
import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline

SEED = 77


@dataclass
class Candidate:
    C: float
    analyzer: str
    ngram_range: tuple
    scores: dict = field(default_factory=dict)

    def build(self) -> Pipeline:
        vec = TfidfVectorizer(analyzer=self.analyzer, ngram_range=self.ngram_range, min_df=3,
                              max_features=250_000, sublinear_tf=True, strip_accents="unicode")
        clf = LogisticRegression(C=self.C, solver="saga", max_iter=3000, class_weight="balanced", random_state=SEED)
        return Pipeline([("tfidf", vec), ("lr", clf)])


def load(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, usecols=["Email Text", "Email Type"]).rename(
        columns={"Email Text": "text", "Email Type": "type"}
    )
    df = df.dropna(subset=["text"])
    df = df[df["text"].str.strip().str.lower() != "empty"].drop_duplicates("text")
    df["y"] = (df["type"] == "Phishing Email").astype(int)
    return df.reset_index(drop=True)


def main():
    df = load("data/Phishing_Email.csv")
    dev, test = train_test_split(df, test_size=0.15, stratify=df["y"], random_state=SEED)
    train, val = train_test_split(dev, test_size=0.15 / 0.85, stratify=dev["y"], random_state=SEED)
    print(f"train {len(train)}  val {len(val)}  test {len(test)}")

    candidates = [
        Candidate(C, analyzer, ngr)
        for C in (0.3, 1.0, 3.0, 10.0)
        for analyzer, ngr in (("word", (1, 2)), ("char_wb", (3, 5)))
    ]
    for cand in candidates:
        pipe = cand.build().fit(train["text"], train["y"])
        p_val = pipe.predict_proba(val["text"])[:, 1]
        cand.scores = {"ap": average_precision_score(val["y"], p_val), "f1": f1_score(val["y"], p_val >= 0.5)}
        print(f"C={cand.C:<5} {cand.analyzer:8} {cand.ngram_range}  val AP={cand.scores['ap']:.4f}  F1={cand.scores['f1']:.4f}")

    best = max(candidates, key=lambda c: c.scores["ap"])
    print("chosen:", best)

    # refit chosen config on train + val
    final = best.build().fit(dev["text"], dev["y"])
    p_test = final.predict_proba(test["text"])[:, 1]
    print("test AP:", round(average_precision_score(test["y"], p_test), 4))
    print(classification_report(test["y"], (p_test >= 0.5).astype(int), target_names=["safe", "phishing"], digits=4))

    joblib.dump(final, "phish_text_lr.joblib")
    np.save("test_scores.npy", p_test)


if __name__ == "__main__":
    main()
