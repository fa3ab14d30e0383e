"""Refit the chosen config on train+valid (all weeks before 2024), score 2024 once."""
import json

import pandas as pd
import xgboost as xgb

from common import FEATURES, SEED, TARGET, load, periods, wape

best = json.load(open("artifacts/best_params.json"))
df = load()
tr, va, te = periods(df)
full = pd.concat([tr, va])

n_rounds = int(best["n_estimators"] * len(full) / len(tr))
model = xgb.XGBRegressor(
    objective="count:poisson", n_estimators=n_rounds, learning_rate=0.05,
    max_depth=best["max_depth"], min_child_weight=best["min_child_weight"], reg_lambda=best["reg_lambda"],
    subsample=0.8, colsample_bytree=0.8, tree_method="hist", random_state=SEED,
)
model.fit(full[FEATURES], full[TARGET])

pred = model.predict(te[FEATURES])
test_wape = wape(te[TARGET].to_numpy(), pred)
print(f"2024 test WAPE: {test_wape:.4f} (valid WAPE at selection: {best['valid_wape']:.4f})")

model.save_model("artifacts/xgb_demand_final.json")
json.dump({"test_wape": test_wape, **best, "final_rounds": n_rounds},
          open("artifacts/final_metrics.json", "w"), indent=2)
