"""Triage model: predict whether legal review flags a vendor contract as high risk."""
import random

import numpy as np
import pandas as pd
import wandb
import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

from features import add_meta, build_matrix

cfg = yaml.safe_load(open("config.yaml"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])

wandb.login(key=cfg["wandb"]["api_key"])
run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                 name=cfg["run_name"], config=cfg)

df = add_meta(pd.read_parquet(cfg["data"]))
train_df, test_df = train_test_split(df, test_size=cfg["test_size"], stratify=df["high_risk"],
                                     random_state=cfg["seed"])

tfidf = TfidfVectorizer(max_features=cfg["tfidf"]["max_features"],
                        ngram_range=tuple(cfg["tfidf"]["ngram_range"]),
                        min_df=cfg["tfidf"]["min_df"], sublinear_tf=True)
scaler = StandardScaler()
X_train = build_matrix(train_df, tfidf, scaler, train=True)
X_test = build_matrix(test_df, tfidf, scaler, train=False)
y_train, y_test = train_df["high_risk"].values, test_df["high_risk"].values

clf = LogisticRegression(C=cfg["model"]["C"], max_iter=cfg["model"]["max_iter"],
                         class_weight="balanced", solver="liblinear", random_state=cfg["seed"])
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
metrics = {
    "test_roc_auc": roc_auc_score(y_test, proba),
    "test_avg_precision": average_precision_score(y_test, proba),
}
print(classification_report(y_test, (proba >= 0.5).astype(int), target_names=["ok", "high_risk"]))
print(metrics)
wandb.log(metrics)
run.finish()
