"""Predict the general-ledger account for invoice line items extracted by the KIE model."""
import json

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.metrics import f1_score, top_k_accuracy_score, balanced_accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder
from xgboost import XGBClassifier

cfg = json.load(open("gl_coding.json"))
SEED = cfg["seed"]
np.random.seed(SEED)

items = pd.read_parquet(cfg["line_items_path"])
items = items[items["gl_account"].map(items["gl_account"].value_counts()) >= 20].reset_index(drop=True)

hasher = HashingVectorizer(n_features=cfg["hash_features"], analyzer="char_wb", ngram_range=(2, 4),
                           alternate_sign=False, norm="l2", lowercase=True)
text = items["description"].fillna("") + " | " + items["vendor_name"].fillna("")
numeric = np.column_stack([
    np.log1p(items["unit_price"].abs().fillna(0)),
    np.log1p(items["quantity"].abs().fillna(0)),
    items["vat_rate"].fillna(-1),
    items["is_credit_note"].astype(int),
])
X = sp.hstack([hasher.transform(text), sp.csr_matrix(numeric)]).tocsr()
labels = LabelEncoder().fit(items["gl_account"])
y = labels.transform(items["gl_account"])

X_rest, X_test, y_rest, y_test = train_test_split(
    X, y, test_size=cfg["test_size"], stratify=y, random_state=SEED)
X_train, X_val, y_train, y_val = train_test_split(
    X_rest, y_rest, test_size=cfg["val_size"] / (1 - cfg["test_size"]), stratify=y_rest, random_state=SEED)

params = dict(cfg["xgb"], objective="multi:softprob", eval_metric="mlogloss", random_state=SEED)
model = XGBClassifier(**params, early_stopping_rounds=cfg["early_stopping_rounds"])
model.fit(X_train, y_train, eval_set=[(X_val, y_val)], verbose=250)
best_rounds = model.best_iteration + 1

prior = DummyClassifier(strategy="prior").fit(X_train, y_train)
all_classes = np.arange(len(labels.classes_))
report = {}
for name, est in [("class_prior", prior), ("xgb", model)]:
    proba = est.predict_proba(X_test)
    pred = proba.argmax(1)
    report[name] = {
        "macro_f1": f1_score(y_test, pred, average="macro"),
        "balanced_acc": balanced_accuracy_score(y_test, pred),
        "top3_acc": top_k_accuracy_score(y_test, proba, k=3, labels=all_classes),
    }
print(json.dumps({"best_rounds": best_rounds, **report}, indent=2))

# production model: same settings and number of rounds, trained on every labelled line item
params["n_estimators"] = best_rounds
production = XGBClassifier(**params)
production.fit(X, y)
production.save_model(cfg["model_out"])
json.dump({"classes": labels.classes_.tolist(), "holdout": report},
          open(cfg["model_out"].replace(".json", "_meta.json"), "w"), indent=2)
