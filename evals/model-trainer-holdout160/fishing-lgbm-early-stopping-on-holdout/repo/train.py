import argparse

import lightgbm as lgb
import yaml
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score

from features import add_rolling_features, load_gfw, split_by_vessel

ap = argparse.ArgumentParser(description="Train the drifting-longline fishing detector")
ap.add_argument("--config", default="config.yaml")
cfg = yaml.safe_load(open(ap.parse_args().config))

df = load_gfw(cfg["data"]["path"])
df, feats = add_rolling_features(df, cfg["features"]["windows_h"])
train_df, holdout_df = split_by_vessel(df, cfg["split"]["holdout_frac"], cfg["seed"])
print(f"{train_df.mmsi.nunique()} train vessels, {holdout_df.mmsi.nunique()} holdout vessels")

X_tr, y_tr = train_df[feats], train_df["is_fishing"]
X_ho, y_ho = holdout_df[feats], holdout_df["is_fishing"]

model = lgb.LGBMClassifier(**cfg["lgbm"], random_state=cfg["seed"], verbose=-1)
model.fit(
    X_tr, y_tr,
    eval_set=[(X_ho, y_ho)],
    eval_metric="average_precision",
    callbacks=[lgb.early_stopping(cfg["train"]["early_stopping_rounds"]), lgb.log_evaluation(200)],
)
print("best iteration:", model.best_iteration_)

proba = model.predict_proba(X_ho)[:, 1]
print(f"holdout ROC-AUC {roc_auc_score(y_ho, proba):.4f}")
print(f"holdout AP      {average_precision_score(y_ho, proba):.4f}")
print(f"holdout F1@0.5  {f1_score(y_ho, proba >= 0.5):.4f}")

model.booster_.save_model(cfg["output"])
