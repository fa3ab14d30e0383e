"""Flag guest reviews that need a manager reply (complaints, safety, billing disputes)."""
import os

import numpy as np
import pandas as pd
import wandb
import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve, precision_score, recall_score
from sklearn.pipeline import Pipeline

from text_utils import build_text

cfg = yaml.safe_load(open("triage.yaml"))
np.random.seed(cfg["seed"])

if os.environ.get(cfg["tracking"]["api_key_env"]):
    wandb.login(key=os.environ[cfg["tracking"]["api_key_env"]])
    run = wandb.init(project=cfg["tracking"]["project"], entity=cfg["tracking"]["entity"], config=cfg)
else:
    run = wandb.init(mode="disabled")

reviews = pd.read_csv(cfg["data"], parse_dates=["review_date"])
reviews["text"] = build_text(reviews)
v0, t0 = cfg["periods"]["valid_start"], cfg["periods"]["test_start"]
train = reviews[reviews["review_date"] < v0]
valid = reviews[(reviews["review_date"] >= v0) & (reviews["review_date"] < t0)]
test = reviews[reviews["review_date"] >= t0]

tfidf_kw = {**cfg["tfidf"], "ngram_range": tuple(cfg["tfidf"]["ngram_range"])}
clf = Pipeline([
    ("tfidf", TfidfVectorizer(**tfidf_kw)),
    ("lr", LogisticRegression(**cfg["logreg"], random_state=cfg["seed"])),
])
clf.fit(train["text"], train[cfg["label"]])

# pick the highest threshold that still catches target_recall of validation complaints
p_val = clf.predict_proba(valid["text"])[:, 1]
prec, rec, thr = precision_recall_curve(valid[cfg["label"]], p_val)
idx = np.where(rec[:-1] >= cfg["target_recall"])[0][-1]
threshold = float(thr[idx])

p_test = clf.predict_proba(test["text"])[:, 1]
flag = p_test >= threshold
metrics = {
    "threshold": threshold,
    "val_precision_at_thr": float(prec[idx]),
    "test_pr_auc": average_precision_score(test[cfg["label"]], p_test),
    "test_recall": recall_score(test[cfg["label"]], flag),
    "test_precision": precision_score(test[cfg["label"]], flag),
    "test_flag_rate": float(flag.mean()),
}
print(metrics)
run.log(metrics)
run.finish()
