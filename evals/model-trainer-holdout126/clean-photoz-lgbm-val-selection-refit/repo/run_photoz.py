import json

import lightgbm as lgb
import pandas as pd
import yaml

from pz_lib import load_catalog, pz_metrics, three_way_split

cfg = yaml.safe_load(open("config.yaml"))
X, z = load_catalog(cfg)
X_tr, X_val, X_test, z_tr, z_val, z_test = three_way_split(X, z, cfg)
print(f"train {len(z_tr)}  val {len(z_val)}  test {len(z_test)}")

results = []
for params in cfg["search"]:
    model = lgb.LGBMRegressor(
        n_estimators=cfg["max_rounds"], subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
        random_state=cfg["seed"], verbose=-1, **params,
    )
    model.fit(X_tr, z_tr, eval_set=[(X_val, z_val)], eval_metric="l1",
              callbacks=[lgb.early_stopping(200, verbose=False)])
    m = pz_metrics(z_val, model.predict(X_val))
    results.append({**params, "best_iter": model.best_iteration_, **m})
    print(results[-1])

table = pd.DataFrame(results).sort_values("sigma_nmad")
best = table.iloc[0].to_dict()
print("selected on validation:", best)

# final model: selected settings, trained on train + validation
final_params = {k: best[k] for k in ("num_leaves", "min_child_samples", "learning_rate")}
final_params["num_leaves"] = int(final_params["num_leaves"])
final_params["min_child_samples"] = int(final_params["min_child_samples"])
final = lgb.LGBMRegressor(
    n_estimators=int(best["best_iter"] * 1.15), subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
    random_state=cfg["seed"], verbose=-1, **final_params,
)
final.fit(pd.concat([X_tr, X_val]), pd.concat([pd.Series(z_tr), pd.Series(z_val)]).to_numpy())

test_metrics = pz_metrics(z_test, final.predict(X_test))
print("test:", json.dumps(test_metrics, indent=2))
final.booster_.save_model(cfg["output"])
