import lightgbm as lgb
import numpy as np
import pandas as pd
import wandb
import yaml
from sklearn.metrics import mean_absolute_error

from src.splits import weekly_holdout

cfg = yaml.safe_load(open("config.yaml"))
wandb.login(key=cfg["wandb"]["api_key"])
run = wandb.init(project=cfg["project"], entity=cfg["wandb"]["entity"], name=cfg["run_name"], config=cfg)

df = pd.read_parquet(cfg["data"]["shipments"])
df["dispatch_ts"] = pd.to_datetime(df["dispatch_ts"])
df["delivery_days"] = (df["delivered_ts"] - df["dispatch_ts"]).dt.total_seconds() / 86400
df = df[df["delivery_days"].between(0, 30)]

cats, nums = cfg["features"]["categorical"], cfg["features"]["numeric"]
for c in cats:
    df[c] = df[c].astype("category")

train, val, test = weekly_holdout(df, "dispatch_ts", cfg["data"]["val_weeks"], cfg["data"]["test_weeks"])
feats, target = cats + nums, cfg["target"]
print(f"train={len(train):,} val={len(val):,} test={len(test):,}")

model = lgb.LGBMRegressor(**cfg["lgbm"])
model.fit(
    train[feats], train[target],
    eval_set=[(val[feats], val[target])],
    eval_metric="l1",
    callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(250)],
)

pred = model.predict(test[feats])
mae = mean_absolute_error(test[target], pred)
late_pred = pred > test["promised_days"]
late_true = test[target] > test["promised_days"]
hit = float(np.mean(late_pred == late_true))
print(f"test MAE {mae:.3f} days | late/not-late agreement {hit:.3f}")

wandb.log({"test/mae_days": mae, "test/late_agreement": hit, "best_iteration": model.best_iteration_})
if cfg["wandb"]["log_model"]:
    model.booster_.save_model("eta_lgbm.txt")
    art = wandb.Artifact("eta-lgbm", type="model")
    art.add_file("eta_lgbm.txt")
    run.log_artifact(art)
run.finish()
