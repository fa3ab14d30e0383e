import json

import joblib
import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import MultiLabelBinarizer

import thresholds

SEED = 8
N_LABELS = 80

pat = pd.read_parquet("data/epo_b1_2015_2021.parquet", columns=["pub_number", "pub_year", "title", "abstract", "cpc"])
pat["labels"] = pat["cpc"].map(lambda codes: sorted({c[:4] for c in codes}))
pat["text"] = pat["title"].fillna("") + ". " + pat["abstract"].fillna("")

train = pat[pat["pub_year"] <= 2019]
val = pat[pat["pub_year"] == 2020]
test = pat[pat["pub_year"] == 2021]

label_set = train["labels"].explode().value_counts().index[:N_LABELS].tolist()
mlb = MultiLabelBinarizer(classes=label_set)
keep = lambda s: s.map(lambda ls: [l for l in ls if l in label_set])
Y_train, Y_val, Y_test = (mlb.fit_transform(keep(train["labels"])), mlb.transform(keep(val["labels"])),
                          mlb.transform(keep(test["labels"])))

model = make_pipeline(
    TfidfVectorizer(ngram_range=(1, 2), min_df=5, max_features=250_000, sublinear_tf=True),
    OneVsRestClassifier(LogisticRegression(C=6.0, solver="liblinear", random_state=SEED), n_jobs=-1),
)
model.fit(train["text"], Y_train)

p_val = model.predict_proba(val["text"])
thr = thresholds.tune_per_label(Y_val, p_val)
val_pred = thresholds.apply(p_val, thr)
print(f"val micro-F1 {f1_score(Y_val, val_pred, average='micro'):.4f} (0.5: "
      f"{f1_score(Y_val, thresholds.apply(p_val, np.full(len(label_set), 0.5)), average='micro'):.4f})")

p_test = model.predict_proba(test["text"])
test_pred = thresholds.apply(p_test, thr)
report = {
    "micro_f1": f1_score(Y_test, test_pred, average="micro"),
    "macro_f1": f1_score(Y_test, test_pred, average="macro", zero_division=0),
    "micro_precision": precision_score(Y_test, test_pred, average="micro"),
    "micro_recall": recall_score(Y_test, test_pred, average="micro"),
}
print("test (2021):", json.dumps(report, indent=2))

joblib.dump({"model": model, "labels": label_set, "thresholds": thr}, "models/cpc_ovr.joblib")
