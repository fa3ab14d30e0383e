import os

import numpy as np
import pandas as pd
import wandb
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import LabelEncoder

from ft_features import doc_vectors, tokenize, train_fasttext

cfg = yaml.safe_load(open("config.yaml"))
seed = cfg["seed"]
np.random.seed(seed)

trk = cfg["tracking"]
if not os.environ.get(trk["api_key_env"]):
    raise SystemExit(f"set {trk['api_key_env']} (see team vault) before running")
run = wandb.init(project=trk["project"], entity=trk["entity"], tags=trk["tags"], config=cfg)

df = pd.read_parquet(cfg["data"]).dropna(subset=["description", "category"]).reset_index(drop=True)
le = LabelEncoder().fit(df["category"])
y = le.transform(df["category"])
tokens = df["description"].map(tokenize).tolist()

gss = GroupShuffleSplit(n_splits=1, test_size=cfg["test_size"], random_state=seed)
tr, te = next(gss.split(df, y, groups=df["customer_id"]))

ft = train_fasttext([tokens[i] for i in tr], cfg["fasttext"], seed)
X_tr = doc_vectors(ft, [tokens[i] for i in tr])
X_te = doc_vectors(ft, [tokens[i] for i in te])

clf = LogisticRegression(C=cfg["classifier"]["C"], max_iter=cfg["classifier"]["max_iter"],
                         class_weight="balanced", random_state=seed)
clf.fit(X_tr, y[tr])
pred = clf.predict(X_te)

macro = f1_score(y[te], pred, average="macro")
print(classification_report(y[te], pred, labels=np.arange(len(le.classes_)),
                            target_names=le.classes_, digits=3, zero_division=0))
wandb.log({"test/macro_f1": macro, "n_train": len(tr), "n_test": len(te)})
run.finish()
