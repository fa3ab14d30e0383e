import os

import lightgbm as lgb
import numpy as np
import pandas as pd
import wandb
import yaml
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import Pipeline

from deid import scrub

cfg = yaml.safe_load(open("config.yaml"))
SEED = cfg["seed"]
np.random.seed(SEED)

wandb.login(key=os.environ["WANDB_API_KEY"])
run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"], config=cfg)

notes = pd.read_parquet(cfg["data"]["notes"])
notes["text"] = notes["text"].map(scrub)
y_all, groups = notes[cfg["data"]["label"]].astype(int), notes[cfg["data"]["group"]]


def gsplit(idx, size):
    gss = GroupShuffleSplit(n_splits=1, test_size=size, random_state=SEED)
    a, b = next(gss.split(idx, groups=groups.iloc[idx]))
    return idx[a], idx[b]


dev_idx, test_idx = gsplit(np.arange(len(notes)), cfg["data"]["test_size"])
train_idx, val_idx = gsplit(dev_idx, cfg["data"]["val_size"])

fc = cfg["features"]
text_features = Pipeline([
    ("tfidf", TfidfVectorizer(max_features=fc["max_features"], ngram_range=(1, fc["ngram_max"]),
                              min_df=3, sublinear_tf=True)),
    ("svd", TruncatedSVD(n_components=fc["svd_components"], random_state=SEED)),
])
X_train = text_features.fit_transform(notes["text"].iloc[train_idx])
X_val = text_features.transform(notes["text"].iloc[val_idx])
X_test = text_features.transform(notes["text"].iloc[test_idx])
y_train, y_val, y_test = y_all.iloc[train_idx], y_all.iloc[val_idx], y_all.iloc[test_idx]

lc = dict(cfg["lgbm"])
stop_rounds = lc.pop("early_stopping_rounds")
model = lgb.LGBMClassifier(**lc, random_state=SEED, verbose=-1)
model.fit(X_train, y_train, eval_set=[(X_val, y_val)], eval_metric="auc",
          callbacks=[lgb.early_stopping(stop_rounds), lgb.log_evaluation(200)])

p_test = model.predict_proba(X_test)[:, 1]
metrics = {
    "best_iteration": model.best_iteration_,
    "test_auroc": roc_auc_score(y_test, p_test),
    "test_auprc": average_precision_score(y_test, p_test),
    "test_f1": f1_score(y_test, (p_test >= 0.5).astype(int)),
}
print(metrics)
run.log(metrics)
run.finish()
