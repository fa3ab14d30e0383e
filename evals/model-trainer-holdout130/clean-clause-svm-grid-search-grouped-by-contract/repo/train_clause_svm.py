"""Clause-type classifier (TF-IDF word + char n-grams, linear SVM) for the contract intake tool.

Hold out 20% of contracts for the final test; tune on the remaining contracts with
GroupKFold so every fold also keeps contracts whole.
"""
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GridSearchCV, GroupKFold, GroupShuffleSplit
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

SEED = 7
OUT = Path("artifacts/clause_svm")
OUT.mkdir(parents=True, exist_ok=True)

clauses = pd.read_csv("data/clauses_labelled.csv")  # contract_id, clause_no, heading, text, clause_type
clauses["input"] = clauses["heading"].fillna("") + " || " + clauses["text"]
print(clauses.shape, "clauses from", clauses.contract_id.nunique(), "contracts")

outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
tr_idx, te_idx = next(outer.split(clauses, groups=clauses.contract_id))
train, test = clauses.iloc[tr_idx], clauses.iloc[te_idx]

features = FeatureUnion([
    ("word", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)),
    ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=3, sublinear_tf=True,
                             max_features=150_000)),
])
pipe = Pipeline([("features", features), ("svm", LinearSVC(class_weight="balanced", random_state=SEED))])

grid = {
    "features__word__max_df": [0.7, 1.0],
    "svm__C": [0.1, 0.3, 1.0, 3.0],
}
search = GridSearchCV(pipe, grid, cv=GroupKFold(n_splits=5), scoring="f1_macro", n_jobs=-1, verbose=1)
search.fit(train["input"], train["clause_type"], groups=train["contract_id"])
print("best params:", search.best_params_, "cv macro-F1:", round(search.best_score_, 4))

cv_table = pd.DataFrame(search.cv_results_)[["params", "mean_test_score", "std_test_score"]]
print(cv_table.sort_values("mean_test_score", ascending=False).head(8).to_string(index=False))

best = search.best_estimator_
pred = best.predict(test["input"])
report = classification_report(test["clause_type"], pred, output_dict=True, zero_division=0)
print(classification_report(test["clause_type"], pred, digits=3, zero_division=0))

metrics = {
    "cv_macro_f1": float(search.best_score_),
    "test_macro_f1": float(f1_score(test["clause_type"], pred, average="macro")),
    "test_micro_f1": float(f1_score(test["clause_type"], pred, average="micro")),
    "n_test_contracts": int(test.contract_id.nunique()),
    "best_params": search.best_params_,
}
(OUT / "metrics.json").write_text(json.dumps(metrics, indent=2))
joblib.dump(best, OUT / "model.joblib")
worst = sorted(((k, v["f1-score"]) for k, v in report.items() if isinstance(v, dict) and k not in
                ("macro avg", "weighted avg")), key=lambda kv: kv[1])[:5]
print("weakest clause types:", worst)
