import json

import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, roc_auc_score

from dataset import user_day_table, time_split

cfg = json.load(open("config.json"))

sessions = pd.read_parquet(cfg["sessions_path"])
ud = user_day_table(sessions)
train, val, test = time_split(ud, pd.Timestamp(cfg["val_start"]), pd.Timestamp(cfg["test_start"]))
print({k: len(v) for k, v in {"train": train, "val": val, "test": test}.items()})

features = [
    "sessions_today", "screens_today", "minutes_today", "purchases_today",
    "sessions_prev_7d", "active_days_prev_28d", "days_since_install",
] + cfg["cat_features"]
label = "label_active_next_day"

for part in (train, val, test):
    part[cfg["cat_features"]] = part[cfg["cat_features"]].astype(str)

train_pool = Pool(train[features], train[label], cat_features=cfg["cat_features"])
val_pool = Pool(val[features], val[label], cat_features=cfg["cat_features"])

model = CatBoostClassifier(**cfg["catboost"])
model.fit(train_pool, eval_set=val_pool, use_best_model=True)

p_test = model.predict_proba(test[features])[:, 1]
print(f"best iteration {model.get_best_iteration()}")
print(f"test AUC {roc_auc_score(test[label], p_test):.4f}  AP {average_precision_score(test[label], p_test):.4f}")
model.save_model(cfg["model_path"])
