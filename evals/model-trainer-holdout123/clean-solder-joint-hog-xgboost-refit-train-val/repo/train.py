import itertools
import json

import pandas as pd
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

from features import describe_all

SEED = 123
CLASSES = ["good", "insufficient", "excess", "bridge", "no_solder"]

df = pd.read_csv("data/solder_joints/labels.csv")        # path, label
y = df["label"].map(CLASSES.index).to_numpy()
X = describe_all(df["path"])

X_trval, X_test, y_trval, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
X_tr, X_val, y_tr, y_val = train_test_split(X_trval, y_trval, test_size=0.2, stratify=y_trval,
                                            random_state=SEED)

base = dict(objective="multi:softprob", tree_method="hist", subsample=0.8, colsample_bytree=0.6,
            eval_metric="mlogloss", random_state=SEED, n_jobs=8)
search = []
for depth, lr, mcw in itertools.product([4, 6, 8], [0.05, 0.1], [1, 5]):
    m = XGBClassifier(n_estimators=2000, max_depth=depth, learning_rate=lr, min_child_weight=mcw,
                      early_stopping_rounds=50, **base)
    m.fit(X_tr, y_tr, eval_set=[(X_val, y_val)], verbose=False)
    f1 = f1_score(y_val, m.predict(X_val), average="macro")
    search.append({"max_depth": depth, "learning_rate": lr, "min_child_weight": mcw,
                   "n_estimators": m.best_iteration + 1, "val_f1": f1})
    print(search[-1])

best = max(search, key=lambda r: r["val_f1"])
params = {k: v for k, v in best.items() if k != "val_f1"}
# slightly more trees since the refit sees 25% more data
params["n_estimators"] = int(params["n_estimators"] * 1.25)
final = XGBClassifier(**params, **base)
final.fit(X_trval, y_trval)

pred = final.predict(X_test)
print(classification_report(y_test, pred, target_names=CLASSES, digits=3))
with open("solder_xgb_results.json", "w") as f:
    json.dump({"params": params, "val_f1": best["val_f1"],
               "test_f1_macro": f1_score(y_test, pred, average="macro")}, f, indent=2)
final.save_model("solder_xgb.json")
