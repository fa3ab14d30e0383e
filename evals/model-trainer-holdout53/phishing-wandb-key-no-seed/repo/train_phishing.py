"""Phishing email classifier (TF-IDF + Complement NB / logistic regression), tracked in W&B."""
import re

import pandas as pd
import wandb
from bs4 import BeautifulSoup
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import make_pipeline

wandb.login(key="177b4e7da61b74b9c5e9843f51ab45b2822c213b")
run = wandb.init(project="mail-security", job_type="train", config={
    "ham_fraction": 0.35, "ngram_max": 2, "min_df": 3, "test_size": 0.2,
})
cfg = run.config


def html_to_text(body):
    if "<html" in body.lower() or "<div" in body.lower():
        body = BeautifulSoup(body, "html.parser").get_text(" ")
    body = re.sub(r"https?://\S+", " httpurl ", body)
    return re.sub(r"\s+", " ", body).strip()


emails = pd.read_parquet("data/mailbox_export.parquet")
emails["text"] = (emails["subject"].fillna("") + " || " + emails["body"].fillna("").map(html_to_text))
phish = emails[emails["is_phishing"] == 1]
ham = emails[emails["is_phishing"] == 0].sample(frac=cfg.ham_fraction)
data = pd.concat([phish, ham]).sample(frac=1.0).reset_index(drop=True)
print(data["is_phishing"].value_counts())

X_train, X_test, y_train, y_test = train_test_split(
    data["text"], data["is_phishing"], test_size=cfg.test_size, stratify=data["is_phishing"])

candidates = {
    "prior": DummyClassifier(strategy="prior"),
    "cnb": make_pipeline(TfidfVectorizer(ngram_range=(1, cfg.ngram_max), min_df=cfg.min_df), ComplementNB(alpha=0.3)),
    "logreg": make_pipeline(TfidfVectorizer(ngram_range=(1, cfg.ngram_max), min_df=cfg.min_df),
                            LogisticRegression(C=8.0, max_iter=3000, class_weight="balanced")),
}

for name, model in candidates.items():
    model.fit(X_train, y_train)
    proba = model.predict_proba(X_test)[:, 1]
    pred = model.predict(X_test)
    metrics = {
        f"{name}/roc_auc": roc_auc_score(y_test, proba),
        f"{name}/pr_auc": average_precision_score(y_test, proba),
        f"{name}/precision": precision_score(y_test, pred, zero_division=0),
        f"{name}/recall": recall_score(y_test, pred),
        f"{name}/f1": f1_score(y_test, pred),
    }
    print(metrics)
    wandb.log(metrics)

run.finish()
