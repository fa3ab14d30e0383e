"""SME probability-of-default model (LightGBM) with W&B experiment tracking."""
import os

import lightgbm as lgb
import pandas as pd
import wandb
import yaml
from sklearn.metrics import roc_auc_score, brier_score_loss
from sklearn.model_selection import train_test_split

from features import build_features

cfg = yaml.safe_load(open("config.yaml"))
os.environ["WANDB_API_KEY"] = cfg["wandb"]["api_key"]
run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                 name=cfg["experiment"], config=cfg["lgbm"])

df = pd.read_parquet(cfg["data"]["path"])
X = build_features(df)
y = df[cfg["data"]["target"]]

X_trval, X_test, y_trval, y_test = train_test_split(
    X, y, test_size=cfg["data"]["test_size"], stratify=y, random_state=cfg["seed"])
X_train, X_val, y_train, y_val = train_test_split(
    X_trval, y_trval, test_size=cfg["data"]["valid_size"], stratify=y_trval, random_state=cfg["seed"])

model = lgb.LGBMClassifier(**cfg["lgbm"], random_state=cfg["seed"], verbose=-1)
model.fit(
    X_train, y_train,
    eval_set=[(X_val, y_val)],
    eval_metric="auc",
    callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(250)],
)

p_val = model.predict_proba(X_val)[:, 1]
p_test = model.predict_proba(X_test)[:, 1]
metrics = {
    "best_iteration": model.best_iteration_,
    "val_auc": roc_auc_score(y_val, p_val),
    "test_auc": roc_auc_score(y_test, p_test),
    "test_gini": 2 * roc_auc_score(y_test, p_test) - 1,
    "test_brier": brier_score_loss(y_test, p_test),
}
print(metrics)
wandb.log(metrics)
imp = pd.DataFrame({"feature": X.columns, "gain": model.booster_.feature_importance("gain")})
wandb.log({"importance": wandb.Table(dataframe=imp.sort_values("gain", ascending=False))})

model.booster_.save_model("sme_pd_lgbm.txt")
run.finish()
