import numpy as np
import pandas as pd
import wandb
import yaml
from catboost import CatBoostRegressor, Pool

from ladder import simulate_ladders

cfg = yaml.safe_load(open("conf/markdown.yaml"))
wandb.login(key=cfg["wandb"]["api_key"])
run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                 name=cfg["run_name"], config=cfg)

df = pd.read_parquet(cfg["data"]["path"])
df["week_start"] = pd.to_datetime(df["week_start"])
cat_cols, num_cols = cfg["features"]["categorical"], cfg["features"]["numeric"]
cols, target = cat_cols + num_cols, cfg["target"]

tr = df[df["week_start"] < cfg["data"]["train_end"]]
va = df[(df["week_start"] >= cfg["data"]["train_end"]) & (df["week_start"] < cfg["data"]["valid_end"])]
te = df[df["week_start"] >= cfg["data"]["valid_end"]]

train_pool = Pool(tr[cols], tr[target], cat_features=cat_cols)
valid_pool = Pool(va[cols], va[target], cat_features=cat_cols)
test_pool = Pool(te[cols], cat_features=cat_cols)

model = CatBoostRegressor(**cfg["catboost"], eval_metric="MAE", verbose=250)
model.fit(train_pool, eval_set=valid_pool, use_best_model=True)

pred = model.predict(test_pool)
wape = float(np.abs(te[target] - pred).sum() / te[target].sum())
bias = float(pred.sum() / te[target].sum() - 1)
print(f"test WAPE {wape:.3f}  bias {bias:+.2%}  best_iter {model.get_best_iteration()}")
wandb.log({"test/wape": wape, "test/bias": bias, "best_iteration": model.get_best_iteration()})

model.save_model("models/md_catboost.cbm")
recs = simulate_ladders(model, te, cols, cat_cols)
recs.to_csv("artifacts/ladder_recommendations.csv", index=False)
wandb.log({"ladders": wandb.Table(dataframe=recs.head(200))})
run.finish()
