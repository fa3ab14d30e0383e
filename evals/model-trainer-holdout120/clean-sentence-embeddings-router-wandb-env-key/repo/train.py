import os

import joblib
import numpy as np
import pandas as pd
import wandb
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split

from embed import embed_texts

cfg = yaml.safe_load(open("config.yaml"))
SEED = cfg["seed"]

wandb.login(key=os.environ["WANDB_API_KEY"])
run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                 tags=cfg["wandb"]["tags"], config=cfg)

df = pd.read_parquet(cfg["data"]).dropna(subset=["queue", "body"])
texts = (df["subject"].fillna("") + ". " + df["body"]).tolist()
enc = cfg["encoder"]
X = embed_texts(texts, enc["name"], enc["revision"], enc["batch_size"], cfg["cache_dir"])
y = df["queue"].to_numpy()

idx = np.arange(len(y))
s = cfg["split"]
idx_trval, idx_test = train_test_split(idx, test_size=s["test_size"], stratify=y, random_state=SEED)
idx_train, idx_val = train_test_split(
    idx_trval, test_size=s["val_size"] / (1 - s["test_size"]), stratify=y[idx_trval], random_state=SEED
)

best_C, best_f1 = None, -1.0
for C in cfg["clf"]["C_grid"]:
    clf = LogisticRegression(C=C, max_iter=5000, class_weight="balanced", random_state=SEED)
    clf.fit(X[idx_train], y[idx_train])
    f1 = f1_score(y[idx_val], clf.predict(X[idx_val]), average="macro")
    wandb.log({"C": C, "val_macro_f1": f1})
    if f1 > best_f1:
        best_C, best_f1 = C, f1

final = LogisticRegression(C=best_C, max_iter=5000, class_weight="balanced", random_state=SEED)
final.fit(X[idx_trval], y[idx_trval])
test_pred = final.predict(X[idx_test])
test_f1 = f1_score(y[idx_test], test_pred, average="macro")
print(classification_report(y[idx_test], test_pred, digits=3))

run.summary.update({"best_C": best_C, "val_macro_f1": best_f1, "test_macro_f1": test_f1})
joblib.dump(final, "models/minilm_logreg.joblib")
run.finish()
