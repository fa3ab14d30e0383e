"""Urgent-ticket classifier trained from the Hub dataset and pushed back to a private model repo."""
import json
import os

import joblib
import numpy as np
import wandb
from datasets import load_dataset
from huggingface_hub import HfApi
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

from ticketing.utils import load_config, require_env, set_seed

cfg = load_config()
set_seed(cfg["seed"])
hf_token = require_env("HF_TOKEN")
run = wandb.init(project=cfg["wandb"]["project"], config=cfg)

ds = load_dataset(cfg["dataset"]["repo_id"], revision=cfg["dataset"]["revision"], split="train", token=hf_token)
df = ds.to_pandas().dropna(subset=[cfg["dataset"]["text_field"]])
X, y = df[cfg["dataset"]["text_field"]].values, df[cfg["dataset"]["label_field"]].astype(int).values

sp = cfg["split"]
X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, test_size=sp["test_size"], stratify=y, random_state=cfg["seed"])
X_train, X_val, y_train, y_val = train_test_split(
    X_tmp, y_tmp, test_size=sp["val_size"] / (1 - sp["test_size"]), stratify=y_tmp, random_state=cfg["seed"])

m = cfg["model"]
model = make_pipeline(
    TfidfVectorizer(ngram_range=tuple(m["ngram_range"]), min_df=m["min_df"], sublinear_tf=True),
    LogisticRegression(C=m["C"], max_iter=3000, class_weight="balanced", random_state=cfg["seed"]),
).fit(X_train, y_train)

prec, rec, thr = precision_recall_curve(y_val, model.predict_proba(X_val)[:, 1])
f1_val = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
threshold = float(thr[np.argmax(f1_val)])

prior = DummyClassifier(strategy="prior").fit(X_train, y_train)
metrics = {"threshold": threshold}
for name, est in [("prior", prior), ("tfidf_lr", model)]:
    p = est.predict_proba(X_test)[:, 1]
    metrics[f"{name}/roc_auc"] = roc_auc_score(y_test, p)
    metrics[f"{name}/pr_auc"] = average_precision_score(y_test, p)
    metrics[f"{name}/f1"] = f1_score(y_test, (p >= threshold).astype(int))
print(json.dumps(metrics, indent=2))
wandb.log(metrics)

os.makedirs("export", exist_ok=True)
joblib.dump({"pipeline": model, "threshold": threshold}, "export/model.joblib")
with open("export/metrics.json", "w") as fh:
    json.dump(metrics, fh, indent=2)
api = HfApi(token=hf_token)
api.create_repo(cfg["hub"]["model_repo"], private=cfg["hub"]["private"], exist_ok=True)
api.upload_folder(folder_path="export", repo_id=cfg["hub"]["model_repo"], commit_message=f"tfidf-lr seed={cfg['seed']}")
run.finish()
