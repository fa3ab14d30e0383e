"""Squid-jigging activity from AIS + VIIRS night lights (North Pacific, 2022)."""
import lightgbm as lgb
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

from tracking import start_run

with open("config.yaml") as f:
    cfg = yaml.safe_load(f)
run = start_run(cfg)
SEED = cfg["seed"]

df = pd.read_parquet(cfg["data"]["path"])
df = df[df["label"].isin([0, 1])]
feats = cfg["features"]


def vessel_holdout(frame, frac, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=frac, random_state=seed)
    keep, hold = next(gss.split(frame, groups=frame["mmsi"]))
    return frame.iloc[keep], frame.iloc[hold]


dev, test = vessel_holdout(df, cfg["data"]["test_frac"], SEED)
train, val = vessel_holdout(dev, cfg["data"]["val_frac"], SEED)

params = dict(cfg["lgbm"])
es_rounds = params.pop("early_stopping_rounds")
model = lgb.LGBMClassifier(**params, random_state=SEED, verbose=-1)
model.fit(
    train[feats], train["label"],
    eval_set=[(val[feats], val["label"])],
    eval_metric="average_precision",
    callbacks=[lgb.early_stopping(es_rounds), lgb.log_evaluation(250)],
)

p_val = model.predict_proba(val[feats])[:, 1]
p_test = model.predict_proba(test[feats])[:, 1]
metrics = {
    "best_iteration": model.best_iteration_,
    "val_ap": average_precision_score(val["label"], p_val),
    "test_ap": average_precision_score(test["label"], p_test),
    "test_auc": roc_auc_score(test["label"], p_test),
    "n_test_vessels": test["mmsi"].nunique(),
}
print(metrics)
run.summary.update(metrics)
model.booster_.save_model("models/squid_lgbm.txt")
run.finish()
