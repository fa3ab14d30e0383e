import os
from pathlib import Path

import pandas as pd
import wandb
import yaml
from dotenv import load_dotenv
from sklearn.metrics import average_precision_score, roc_auc_score
from xgboost import XGBClassifier

from cohorts import signup_splits

load_dotenv()
cfg = yaml.safe_load(open("config.yaml"))

wandb.login(key=os.environ["WANDB_API_KEY"])
run = wandb.init(project=cfg["wandb"]["project"], entity=os.environ.get("WANDB_ENTITY"),
                 name=cfg["experiment"], tags=cfg["wandb"]["tags"], config=cfg)

d = cfg["data"]
df = pd.read_parquet(Path(os.environ.get("DATA_ROOT", "data")) / d["file"])
df[d["date_col"]] = pd.to_datetime(df[d["date_col"]])
features = [c for c in df.columns if c.startswith(("f_", "d1_", "d3_"))]

train, valid, test = signup_splits(df, d["date_col"], d["valid_from"], d["test_from"])
wandb.log({"n_train": len(train), "n_valid": len(valid), "n_test": len(test), "n_features": len(features)})

model = XGBClassifier(**cfg["params"], random_state=cfg["seed"], tree_method="hist")
model.fit(train[features], train[d["label"]],
          eval_set=[(valid[features], valid[d["label"]])], verbose=100)

p_valid = model.predict_proba(valid[features])[:, 1]
p_test = model.predict_proba(test[features])[:, 1]
summary = {
    "best_iteration": model.best_iteration,
    "valid_auc": roc_auc_score(valid[d["label"]], p_valid),
    "test_auc": roc_auc_score(test[d["label"]], p_test),
    "test_pr_auc": average_precision_score(test[d["label"]], p_test),
}
print(summary)
run.summary.update(summary)

Path("artifacts").mkdir(exist_ok=True)
model.save_model("artifacts/churn7d_xgb.json")
art = wandb.Artifact("churn7d-xgb", type="model")
art.add_file("artifacts/churn7d_xgb.json")
run.log_artifact(art)
run.finish()
