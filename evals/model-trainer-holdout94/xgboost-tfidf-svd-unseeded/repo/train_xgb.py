"""Topic classifier for the news desk: TF-IDF/SVD features into XGBoost, LR baseline on TF-IDF."""
import json
from pathlib import Path

import joblib
import pandas as pd
import xgboost as xgb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, log_loss, top_k_accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder

from features import TextFeaturizer

DATA = Path("data/newsdesk_articles.parquet")
OUT = Path("artifacts/xgb_topics")

articles = pd.read_parquet(DATA, columns=["headline", "lede", "desk"])
articles = articles.dropna().drop_duplicates(subset=["headline"])
articles["text"] = articles["headline"] + ". " + articles["lede"]

encoder = LabelEncoder()
y = encoder.fit_transform(articles["desk"])

train_text, test_text, y_train, y_test = train_test_split(
    articles["text"], y, test_size=0.2, stratify=y
)
fit_text, val_text, y_fit, y_val = train_test_split(
    train_text, y_train, test_size=0.1, stratify=y_train
)

featurizer = TextFeaturizer(n_components=300).fit(fit_text)
X_fit, X_val, X_test = (featurizer.transform(t) for t in (fit_text, val_text, test_text))

clf = xgb.XGBClassifier(
    n_estimators=2000,
    learning_rate=0.05,
    max_depth=6,
    subsample=0.8,
    colsample_bytree=0.6,
    objective="multi:softprob",
    eval_metric="mlogloss",
    early_stopping_rounds=50,
    tree_method="hist",
)
clf.fit(X_fit, y_fit, eval_set=[(X_val, y_val)], verbose=100)

baseline = LogisticRegression(C=4.0, max_iter=3000)
baseline.fit(featurizer.transform_sparse(fit_text), y_fit)

proba = clf.predict_proba(X_test)
base_proba = baseline.predict_proba(featurizer.transform_sparse(test_text))
metrics = {}
for name, p in [("xgboost", proba), ("logreg_tfidf", base_proba)]:
    metrics[name] = {
        "macro_f1": f1_score(y_test, p.argmax(1), average="macro"),
        "log_loss": log_loss(y_test, p),
        "top2_accuracy": top_k_accuracy_score(y_test, p, k=2),
    }
print(json.dumps(metrics, indent=2))

OUT.mkdir(parents=True, exist_ok=True)
joblib.dump({"featurizer": featurizer, "model": clf, "labels": encoder}, OUT / "model.joblib")
(OUT / "metrics.json").write_text(json.dumps(metrics, indent=2))
