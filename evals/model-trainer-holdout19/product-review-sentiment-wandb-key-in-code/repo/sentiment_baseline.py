"""Binary sentiment on product reviews: TF-IDF + logistic regression, tracked in W&B."""
import argparse

import joblib
import numpy as np
import pandas as pd
import wandb
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline

WANDB_KEY = "2f385927fc74bea32c0bab0c1a8a2e099973eb16"
PROJECT = "review-sentiment"


def get_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/reviews.csv")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--model-out", default="models/sentiment_lr.joblib")
    return ap.parse_args()


def main():
    args = get_args()
    np.random.seed(args.seed)
    wandb.login(key=WANDB_KEY)
    run = wandb.init(project=PROJECT, config=vars(args))

    reviews = pd.read_csv(args.csv)
    reviews = reviews[reviews["stars"] != 3]
    text = reviews["review_text"].fillna("")
    target = (reviews["stars"] >= 4).astype(int)

    txt_tr, txt_te, t_tr, t_te = train_test_split(
        text, target, test_size=0.2, stratify=target, random_state=args.seed)

    pipe = Pipeline([
        ("tfidf", TfidfVectorizer(min_df=2, ngram_range=(1, 2), sublinear_tf=True)),
        ("lr", LogisticRegression(max_iter=3000, class_weight="balanced")),
    ])
    grid = GridSearchCV(
        pipe,
        {"lr__C": [0.25, 1.0, 4.0], "tfidf__ngram_range": [(1, 1), (1, 2)]},
        scoring="roc_auc",
        cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed),
        n_jobs=-1,
    )
    grid.fit(txt_tr, t_tr)

    prior = DummyClassifier(strategy="prior").fit(txt_tr, t_tr)
    results = {}
    for name, model in [("prior", prior), ("tfidf_lr", grid.best_estimator_)]:
        score = model.predict_proba(txt_te)[:, 1]
        results[f"{name}/roc_auc"] = roc_auc_score(t_te, score)
        results[f"{name}/pr_auc"] = average_precision_score(t_te, score)
        results[f"{name}/f1"] = f1_score(t_te, model.predict(txt_te), zero_division=0)
    run.log({**results, **{f"best/{k}": v for k, v in grid.best_params_.items()}})
    print(results)

    joblib.dump(grid.best_estimator_, args.model_out)
    run.finish()


if __name__ == "__main__":
    main()
