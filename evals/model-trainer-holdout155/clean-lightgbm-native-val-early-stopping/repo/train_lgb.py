import json
import pickle

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import f1_score, log_loss

from prep import numeric_block, text_encoder, three_way_group_split

P = json.load(open("params.json"))
SEED = P["seed"]
np.random.seed(SEED)

df = pd.read_parquet("data/txn_labelled.parquet").dropna(subset=["description", "category"])
df["description"] = df["description"].str.lower()
classes = sorted(df["category"].unique())
cls_idx = {c: i for i, c in enumerate(classes)}

s = P["split"]
train, val, test = three_way_group_split(df, s["group_col"], s["test_size"], s["val_size"], SEED)
print({k: len(v) for k, v in dict(train=train, val=val, test=test).items()})

enc = text_encoder(P, SEED)
X_tr = np.hstack([enc.fit_transform(train["description"]), numeric_block(train)])
X_va = np.hstack([enc.transform(val["description"]), numeric_block(val)])
X_te = np.hstack([enc.transform(test["description"]), numeric_block(test)])
y_tr, y_va, y_te = (d["category"].map(cls_idx).to_numpy() for d in (train, val, test))

params = dict(P["lgb"], num_class=len(classes), seed=SEED)
dtrain = lgb.Dataset(X_tr, y_tr)
dval = lgb.Dataset(X_va, y_va, reference=dtrain)
booster = lgb.train(
    params,
    dtrain,
    num_boost_round=P["num_boost_round"],
    valid_sets=[dval],
    valid_names=["val"],
    callbacks=[lgb.early_stopping(P["early_stopping_rounds"]), lgb.log_evaluation(200)],
)
print("best iteration:", booster.best_iteration)

proba_va = booster.predict(X_va, num_iteration=booster.best_iteration)
print(f"val  logloss {log_loss(y_va, proba_va, labels=range(len(classes))):.4f}  "
      f"macro F1 {f1_score(y_va, proba_va.argmax(1), average='macro'):.4f}")

proba_te = booster.predict(X_te, num_iteration=booster.best_iteration)
print(f"test logloss {log_loss(y_te, proba_te, labels=range(len(classes))):.4f}  "
      f"macro F1 {f1_score(y_te, proba_te.argmax(1), average='macro'):.4f}")

booster.save_model("artifacts/lgb_txn.txt", num_iteration=booster.best_iteration)
with open("artifacts/text_encoder.pkl", "wb") as fh:
    pickle.dump({"encoder": enc, "classes": classes}, fh)
