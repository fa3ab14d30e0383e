import itertools

import lightgbm as lgb
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score

from data import by_tool, feature_list, load

with open("experiment.yaml") as f:
    E = yaml.safe_load(f)

df = load(E["data"])
feats = feature_list(df)
train, valid, test = by_tool(df, E["tool_col"], E["valid_tools"], E["test_tools"])
t = E["target"]
print({k: (len(v), round(v[t].mean(), 4)) for k, v in {"train": train, "valid": valid, "test": test}.items()})


def make_model(params, y):
    pos = y.sum()
    return lgb.LGBMClassifier(**params, **E["fixed"], scale_pos_weight=(len(y) - pos) / pos,
                              random_state=E["seed"], verbose=-1)


results = []
keys = list(E["grid"])
for values in itertools.product(*(E["grid"][k] for k in keys)):
    params = dict(zip(keys, values))
    m = make_model(params, train[t]).fit(train[feats], train[t])
    ap = average_precision_score(valid[t], m.predict_proba(valid[feats])[:, 1])
    results.append({**params, "valid_pr_auc": ap})
    print(params, f"valid PR-AUC {ap:.4f}")

best = max(results, key=lambda r: r["valid_pr_auc"])
best_params = {k: best[k] for k in keys}
print("selected:", best_params)

# refit on all non-test tools with the selected settings
dev = pd.concat([train, valid])
final = make_model(best_params, dev[t]).fit(dev[feats], dev[t])

p = final.predict_proba(test[feats])[:, 1]
print(f"unseen tools: ROC-AUC {roc_auc_score(test[t], p):.4f}  PR-AUC {average_precision_score(test[t], p):.4f}"
      f"  (prevalence {test[t].mean():.4f})")
for tool, grp in test.assign(p=p).groupby(E["tool_col"]):
    print(tool, f"PR-AUC {average_precision_score(grp[t], grp['p']):.4f}")
