"""MIMIC-IV ICD-10 coding baseline: TF-IDF + one-vs-rest logistic regression on discharge notes."""
import argparse
import json

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer


class ICDCodingBaseline:
    def __init__(self, top_k=50, C=8.0, seed=0):
        self.top_k, self.seed = top_k, seed
        self.vec = TfidfVectorizer(max_features=200_000, ngram_range=(1, 2), min_df=3, sublinear_tf=True,
                                   token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z]+\b")
        self.clf = OneVsRestClassifier(LogisticRegression(C=C, solver="liblinear", random_state=seed), n_jobs=-1)
        self.mlb = None
        self.thresholds = None

    def fit(self, texts, code_lists):
        counts = pd.Series([c for codes in code_lists for c in codes]).value_counts()
        self.codes_ = sorted(counts.head(self.top_k).index)
        self.mlb = MultiLabelBinarizer(classes=self.codes_)
        Y = self.mlb.fit_transform(code_lists)
        self.clf.fit(self.vec.fit_transform(texts), Y)
        return self

    def scores(self, texts):
        return self.clf.decision_function(self.vec.transform(texts))

    def tune_thresholds(self, texts, code_lists, grid=np.linspace(-2.0, 1.0, 31)):
        Y, S = self.mlb.transform(code_lists), self.scores(texts)
        self.thresholds = np.array([grid[np.argmax([f1_score(Y[:, j], S[:, j] >= t, zero_division=0) for t in grid])]
                                    for j in range(Y.shape[1])])
        return self

    def evaluate(self, texts, code_lists):
        Y = self.mlb.transform(code_lists)
        P = (self.scores(texts) >= self.thresholds).astype(int)
        return {"micro_f1": f1_score(Y, P, average="micro"), "macro_f1": f1_score(Y, P, average="macro", zero_division=0)}


def load(note_path, dx_path):
    notes = pd.read_csv(note_path, usecols=["subject_id", "hadm_id", "text"])
    dx = pd.read_csv(dx_path, usecols=["hadm_id", "icd_code", "icd_version"], dtype={"icd_code": str})
    dx = dx[dx["icd_version"] == 10]
    dx["code3"] = dx["icd_code"].str[:3]  # category level, e.g. I50, N17
    codes = dx.groupby("hadm_id")["code3"].apply(lambda s: sorted(set(s)))
    notes = notes[notes["hadm_id"].isin(codes.index)].copy()
    notes["codes"] = notes["hadm_id"].map(codes)
    return notes.reset_index(drop=True)


def patient_split(df, frac, seed):
    g = GroupShuffleSplit(n_splits=1, test_size=frac, random_state=seed)
    a, b = next(g.split(df, groups=df["subject_id"]))
    return df.iloc[a], df.iloc[b]


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--notes", default="mimic-iv-note/discharge.csv.gz")
    ap.add_argument("--dx", default="mimic-iv/hosp/diagnoses_icd.csv.gz")
    ap.add_argument("--top-k", type=int, default=50)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()

    df = load(args.notes, args.dx)
    dev, test = patient_split(df, 0.1, args.seed)
    train, val = patient_split(dev, 0.1, args.seed)

    model = ICDCodingBaseline(top_k=args.top_k, seed=args.seed).fit(train["text"], train["codes"])
    model.tune_thresholds(val["text"], val["codes"])
    print("val :", model.evaluate(val["text"], val["codes"]))
    test_metrics = model.evaluate(test["text"], test["codes"])
    print("test:", test_metrics)
    json.dump({"top_codes": model.codes_, "test": test_metrics}, open("icd10_top%d_results.json" % args.top_k, "w"), indent=2)
