"""Vessel-type LightGBM: pick hyper-parameters on a validation set of vessels, refit on train+val,
report the untouched test vessels once."""
import argparse
import itertools
import json

import lightgbm as lgb
import pandas as pd
from sklearn.metrics import f1_score, log_loss
from sklearn.model_selection import GroupShuffleSplit

parser = argparse.ArgumentParser()
parser.add_argument("--features", default="data/track_features_v3.parquet")
parser.add_argument("--seed", type=int, default=404)
parser.add_argument("--out", default="artifacts/vessel_type_lgbm")
args = parser.parse_args()

df = pd.read_parquet(args.features)
label_col, group_col = "vessel_type", "mmsi"
features = [c for c in df.columns if c not in (label_col, group_col, "segment_start", "segment_end")]
classes = sorted(df[label_col].unique())
df["y"] = df[label_col].map({c: i for i, c in enumerate(classes)})


def group_split(frame, frac, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=frac, random_state=seed)
    a, b = next(gss.split(frame, groups=frame[group_col]))
    return frame.iloc[a], frame.iloc[b]


dev, test = group_split(df, 0.2, args.seed)
train, val = group_split(dev, 0.2, args.seed + 1)

grid = {
    "num_leaves": [15, 31, 63],
    "learning_rate": [0.03, 0.1],
    "n_estimators": [300, 800],
    "min_child_samples": [20, 60],
}
trials = []
for values in itertools.product(*grid.values()):
    params = dict(zip(grid.keys(), values))
    m = lgb.LGBMClassifier(**params, subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
                           class_weight="balanced", random_state=args.seed, verbose=-1)
    m.fit(train[features], train["y"])
    proba = m.predict_proba(val[features])
    trials.append({"params": params,
                   "val_logloss": log_loss(val["y"], proba, labels=range(len(classes))),
                   "val_macro_f1": f1_score(val["y"], proba.argmax(1), average="macro")})

trials = pd.DataFrame(trials).sort_values("val_macro_f1", ascending=False)
print(trials.head(5).to_string(index=False))
best = trials.iloc[0]["params"]
print("selected:", best)

# more data for the final model: refit the chosen configuration on train + val
final = lgb.LGBMClassifier(**best, subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
                           class_weight="balanced", random_state=args.seed, verbose=-1)
final.fit(dev[features], dev["y"])

test_pred = final.predict(test[features])
report = {
    "params": best,
    "val_macro_f1": float(trials.iloc[0]["val_macro_f1"]),
    "test_macro_f1": float(f1_score(test["y"], test_pred, average="macro")),
    "n_test_vessels": int(test[group_col].nunique()),
}
print(json.dumps(report, indent=2))
final.booster_.save_model(f"{args.out}.txt")
with open(f"{args.out}_report.json", "w") as f:
    json.dump(report, f, indent=2)
