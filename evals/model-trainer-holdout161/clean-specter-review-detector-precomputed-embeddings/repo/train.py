"""Review-article detector on cached SPECTER embeddings (run embed.py first)."""
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 5

papers = pd.read_parquet("data/s2_papers_pubtypes.parquet", columns=["corpus_id", "publication_types"])
ids = pd.read_parquet("data/specter_cls_ids.parquet")
emb = np.load("data/specter_cls.npy")
assert (ids["corpus_id"].values == papers["corpus_id"].values).all()

y = papers["publication_types"].fillna("").str.contains("Review").astype(int).to_numpy()
print(f"{len(y):,} papers, {y.mean():.2%} reviews")

X_train, X_test, y_train, y_test = train_test_split(
    emb, y, test_size=0.2, stratify=y, random_state=SEED
)

pipe = make_pipeline(
    StandardScaler(),
    LogisticRegression(class_weight="balanced", max_iter=5000, random_state=SEED),
)
grid = GridSearchCV(
    pipe,
    {"logisticregression__C": [0.01, 0.03, 0.1, 0.3, 1.0]},
    scoring="average_precision",
    cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED),
    n_jobs=-1,
)
grid.fit(X_train, y_train)
print("best C:", grid.best_params_, "cv AP:", round(grid.best_score_, 4))

proba = grid.predict_proba(X_test)[:, 1]
pred = (proba >= 0.5).astype(int)
metrics = {
    "test_ap": average_precision_score(y_test, proba),
    "test_auc": roc_auc_score(y_test, proba),
    "prevalence": float(y_test.mean()),
}
print(classification_report(y_test, pred, digits=3))
print(json.dumps(metrics, indent=2))
joblib.dump(grid.best_estimator_, "models/review_detector.joblib")
