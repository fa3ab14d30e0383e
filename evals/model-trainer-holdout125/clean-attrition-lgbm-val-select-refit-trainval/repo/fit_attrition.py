"""Select LightGBM params on a validation split, refit on train+val, report test once."""
import itertools
import json

import lightgbm as lgb
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

from data_utils import TARGET, load_frame, xy

hp = yaml.safe_load(open("hparams.yaml"))
SEED = hp["seed"]

df = load_frame("data/attrition_snapshot_2023-06-30.parquet")
dev, test = train_test_split(df, test_size=hp["split"]["test_size"], stratify=df[TARGET], random_state=SEED)
train, val = train_test_split(dev, test_size=hp["split"]["val_size"], stratify=dev[TARGET], random_state=SEED)
X_tr, y_tr = xy(train)
X_val, y_val = xy(val)

results = []
keys = list(hp["grid"])
for combo in itertools.product(*(hp["grid"][k] for k in keys)):
    params = dict(hp["base"], **dict(zip(keys, combo)), random_state=SEED)
    m = lgb.LGBMClassifier(**params)
    m.fit(X_tr, y_tr, eval_set=[(X_val, y_val)], eval_metric="average_precision",
          callbacks=[lgb.early_stopping(hp["early_stopping_rounds"], verbose=False)])
    ap = average_precision_score(y_val, m.predict_proba(X_val, num_iteration=m.best_iteration_)[:, 1])
    results.append({**dict(zip(keys, combo)), "best_iter": m.best_iteration_, "val_ap": ap})

res = pd.DataFrame(results).sort_values("val_ap", ascending=False)
print(res.head(5).to_string(index=False))
best = res.iloc[0]

# refit on train+val with the chosen config; scale rounds for the larger sample
n_rounds = int(best["best_iter"] * len(dev) / len(train))
final_params = dict(hp["base"], **{k: best[k] for k in keys}, random_state=SEED)
final_params["num_leaves"] = int(final_params["num_leaves"])
final_params["min_child_samples"] = int(final_params["min_child_samples"])
final_params["n_estimators"] = n_rounds
X_dev, y_dev = xy(dev)
final = lgb.LGBMClassifier(**final_params).fit(X_dev, y_dev)

X_te, y_te = xy(test)
p = final.predict_proba(X_te)[:, 1]
report = {"chosen": {k: best[k] for k in keys}, "n_rounds": n_rounds,
          "val_ap": float(best["val_ap"]),
          "test_auc": roc_auc_score(y_te, p), "test_ap": average_precision_score(y_te, p)}
print(json.dumps(report, indent=2, default=float))
final.booster_.save_model("attrition_lgbm_final.txt")
