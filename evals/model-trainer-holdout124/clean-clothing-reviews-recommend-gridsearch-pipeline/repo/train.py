"""Will the customer recommend the item? Women's clothing e-commerce reviews.

Text (title + review) via TF-IDF plus the department as a one-hot, logistic regression on top.
"""
import json

import joblib
import pandas as pd
import yaml
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

from text_utils import normalise_review

cfg = yaml.safe_load(open("params.yaml"))
SEED = cfg["seed"]

df = pd.read_csv(cfg["data_path"], index_col=0)
df = df.dropna(subset=["Review Text"])
df["text"] = [normalise_review(t, b) for t, b in zip(df["Title"], df["Review Text"])]
df["Department Name"] = df["Department Name"].fillna("Unknown")
y = df["Recommended IND"]
X = df[["text", "Department Name"]]
print(f"{len(df)} reviews, {y.mean():.1%} recommended")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=cfg["test_size"], stratify=y, random_state=SEED
)

pipe = Pipeline([
    ("features", ColumnTransformer([
        ("text", TfidfVectorizer(sublinear_tf=True, max_df=0.9), "text"),
        ("dept", OneHotEncoder(handle_unknown="ignore"), ["Department Name"]),
    ])),
    ("clf", LogisticRegression(max_iter=3000, class_weight="balanced", random_state=SEED)),
])

grid = {k: [tuple(v) if isinstance(v, list) else v for v in vals] for k, vals in cfg["grid"].items()}
search = GridSearchCV(
    pipe,
    grid,
    scoring=cfg["scoring"],
    cv=StratifiedKFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=SEED),
    n_jobs=-1,
)
search.fit(X_train, y_train)
print("best params:", search.best_params_)
print(f"CV {cfg['scoring']}: {search.best_score_:.4f}")

# "not recommended" is the class we care about, so report AP for it too
proba = search.predict_proba(X_test)[:, 1]
metrics = {
    "roc_auc": roc_auc_score(y_test, proba),
    "ap_recommended": average_precision_score(y_test, proba),
    "ap_not_recommended": average_precision_score(1 - y_test, 1 - proba),
}
print(json.dumps(metrics, indent=2))
print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))

joblib.dump(search.best_estimator_, "models/recommend_tfidf_lr.joblib")
