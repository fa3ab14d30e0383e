"""Task-type router that picks which LoRA adapter (code / math / writing / general) serves a prompt.

Model selection with cross-validation on the training part, one held-out test evaluation, then the chosen
configuration is refit on every labelled prompt for the production artifact.
"""
import json
from datetime import datetime, timezone

import joblib
import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import FeatureUnion, Pipeline

SEED = 8
ADAPTERS = ["code", "math", "writing", "general"]

prompts = pd.read_csv("data/router_labelled_prompts.csv")
prompts = prompts[prompts["adapter"].isin(ADAPTERS)].drop_duplicates(subset="prompt").reset_index(drop=True)
print(prompts["adapter"].value_counts())

X, y = prompts["prompt"], prompts["adapter"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)

pipeline = Pipeline([
    ("features", FeatureUnion([
        ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=3, sublinear_tf=True)),
    ])),
    ("clf", LogisticRegression(max_iter=3000, class_weight="balanced")),
])
grid = {
    "features__words__max_features": [20000, 50000],
    "features__chars__max_features": [30000, 100000],
    "clf__C": [0.5, 2.0, 8.0],
}
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
search = GridSearchCV(pipeline, grid, scoring="f1_macro", cv=cv, n_jobs=-1, refit=True)
search.fit(X_train, y_train)
print("best params:", search.best_params_, f"cv macro-F1={search.best_score_:.3f}")

dummy = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
test_pred = search.predict(X_test)
held_out = {
    "router_accuracy": accuracy_score(y_test, test_pred),
    "router_macro_f1": f1_score(y_test, test_pred, average="macro"),
    "majority_accuracy": accuracy_score(y_test, dummy.predict(X_test)),
    "majority_macro_f1": f1_score(y_test, dummy.predict(X_test), average="macro"),
}
print(json.dumps(held_out, indent=2))
print(classification_report(y_test, test_pred, digits=3))

production = clone(search.best_estimator_)
production.fit(X, y)

joblib.dump(production, "artifacts/adapter_router.joblib")
with open("artifacts/adapter_router_card.json", "w") as fh:
    json.dump({
        "trained_at": datetime.now(timezone.utc).isoformat(),
        "n_training_prompts": int(len(X)),
        "best_params": search.best_params_,
        "cv_macro_f1": float(search.best_score_),
        "held_out_metrics": held_out,
        "note": "held-out metrics computed before the final refit on all labelled prompts",
        "label_distribution": {k: int(v) for k, v in y.value_counts().items()},
    }, fh, indent=2)
