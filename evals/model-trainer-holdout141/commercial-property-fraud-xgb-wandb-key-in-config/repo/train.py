import pandas as pd
import wandb
import xgboost as xgb
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score

from features import FEATURES, build

cfg = yaml.safe_load(open("config.yaml"))
wandb.login(key=cfg["wandb"]["api_key"])
run = wandb.init(project=cfg["project"], entity=cfg["wandb"]["entity"], tags=cfg["wandb"]["tags"], config=cfg)

df = build(pd.read_csv(cfg["data"]["claims"]), pd.read_csv(cfg["data"]["policies"]))
label = cfg["data"]["label"]
train = df[df["report_date"] < cfg["data"]["valid_start"]]
valid = df[(df["report_date"] >= cfg["data"]["valid_start"]) & (df["report_date"] < cfg["data"]["test_start"])]
test = df[df["report_date"] >= cfg["data"]["test_start"]]

params = dict(cfg["xgb"])
model = xgb.XGBClassifier(
    **params,
    scale_pos_weight=(train[label] == 0).sum() / max((train[label] == 1).sum(), 1),
    tree_method="hist",
    random_state=cfg["seed"],
)
model.fit(train[FEATURES], train[label], eval_set=[(valid[FEATURES], valid[label])], verbose=200)

p_valid = model.predict_proba(valid[FEATURES])[:, 1]
p_test = model.predict_proba(test[FEATURES])[:, 1]
metrics = {
    "best_iteration": model.best_iteration,
    "valid_pr_auc": average_precision_score(valid[label], p_valid),
    "test_pr_auc": average_precision_score(test[label], p_test),
    "test_roc_auc": roc_auc_score(test[label], p_test),
}
print(metrics)
wandb.log(metrics)
model.save_model("artifacts/cp_fraud_xgb.json")
run.finish()
