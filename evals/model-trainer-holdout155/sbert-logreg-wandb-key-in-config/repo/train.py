import os
import random

import joblib
import numpy as np
import pandas as pd
import wandb
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GroupShuffleSplit

from embed import encode

cfg = yaml.safe_load(open("config.yaml"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])

wandb.login(key=cfg["wandb"]["api_key"])
run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                 name=cfg["experiment"], config=cfg)

df = pd.read_csv(cfg["data"]["path"]).dropna(subset=["description", "category"])
gss = GroupShuffleSplit(n_splits=1, test_size=cfg["data"]["test_size"], random_state=cfg["seed"])
tr, te = next(gss.split(df, groups=df[cfg["data"]["group_col"]]))
train_df, test_df = df.iloc[tr], df.iloc[te]

enc = cfg["encoder"]
X_train = encode(train_df["description"].tolist(), enc["name"], enc["batch_size"], enc["normalize"])
X_test = encode(test_df["description"].tolist(), enc["name"], enc["batch_size"], enc["normalize"])

clf = LogisticRegression(
    C=cfg["classifier"]["C"],
    max_iter=cfg["classifier"]["max_iter"],
    class_weight="balanced",
    random_state=cfg["seed"],
)
clf.fit(X_train, train_df["category"])

pred = clf.predict(X_test)
report = classification_report(test_df["category"], pred, output_dict=True, zero_division=0)
macro_f1 = f1_score(test_df["category"], pred, average="macro")
print(classification_report(test_df["category"], pred, digits=3, zero_division=0))

wandb.log({
    "test/macro_f1": macro_f1,
    "test/accuracy": report["accuracy"],
    "test/per_class_f1": wandb.Table(
        columns=["category", "f1", "support"],
        data=[[k, v["f1-score"], v["support"]] for k, v in report.items() if isinstance(v, dict) and k not in ("macro avg", "weighted avg")],
    ),
})

os.makedirs("artifacts", exist_ok=True)
joblib.dump(clf, "artifacts/logreg_minilm.joblib")
run.finish()
