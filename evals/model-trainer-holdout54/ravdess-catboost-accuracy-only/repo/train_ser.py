"""Speaker-independent speech emotion recognition on RAVDESS with CatBoost over eGeMAPS functionals."""
import json

import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import accuracy_score
from sklearn.model_selection import GroupShuffleSplit

SEED = 8
df = pd.read_csv("data/ravdess_egemaps.csv")
feature_cols = [c for c in df.columns if c not in ("emotion", "intensity", "actor")]
X, y, actors = df[feature_cols], df["emotion"], df["actor"]
print(y.value_counts())

outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
trval_idx, test_idx = next(outer.split(X, y, groups=actors))
inner = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
tr_rel, val_rel = next(inner.split(X.iloc[trval_idx], y.iloc[trval_idx], groups=actors.iloc[trval_idx]))
train_idx, val_idx = trval_idx[tr_rel], trval_idx[val_rel]

assert not set(actors.iloc[train_idx]) & set(actors.iloc[test_idx])
assert not set(actors.iloc[val_idx]) & set(actors.iloc[test_idx])
print("train actors:", sorted(actors.iloc[train_idx].unique()))
print("val actors:", sorted(actors.iloc[val_idx].unique()))
print("test actors:", sorted(actors.iloc[test_idx].unique()))

model = CatBoostClassifier(
    loss_function="MultiClass",
    iterations=3000,
    learning_rate=0.03,
    depth=6,
    l2_leaf_reg=5,
    random_seed=SEED,
    od_type="Iter",
    od_wait=150,
    verbose=200,
)
model.fit(
    Pool(X.iloc[train_idx], y.iloc[train_idx]),
    eval_set=Pool(X.iloc[val_idx], y.iloc[val_idx]),
    use_best_model=True,
)

pred = model.predict(X.iloc[test_idx]).ravel()
test_acc = accuracy_score(y.iloc[test_idx], pred)
print(f"best iteration: {model.get_best_iteration()}")
print(f"speaker-independent test accuracy: {test_acc:.4f}")

importances = pd.Series(model.get_feature_importance(), index=feature_cols).sort_values(ascending=False)
print(importances.head(15))
model.save_model("models/ser_catboost.cbm")
json.dump({"test_accuracy": test_acc, "best_iteration": int(model.get_best_iteration())},
          open("models/ser_catboost_metrics.json", "w"), indent=2)
