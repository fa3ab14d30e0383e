"""Small grid over tree depth / regularisation, scored on the H2-2023 validation weeks."""
import itertools
import json

import xgboost as xgb

from common import FEATURES, SEED, TARGET, load, periods, wape

df = load()
tr, va, _ = periods(df)

grid = {"max_depth": [5, 7, 9], "min_child_weight": [5, 20], "reg_lambda": [1.0, 10.0]}
results = []
for md, mcw, lam in itertools.product(*grid.values()):
    m = xgb.XGBRegressor(
        objective="count:poisson", n_estimators=3000, learning_rate=0.05,
        max_depth=md, min_child_weight=mcw, reg_lambda=lam,
        subsample=0.8, colsample_bytree=0.8, tree_method="hist",
        early_stopping_rounds=100, random_state=SEED,
    )
    m.fit(tr[FEATURES], tr[TARGET], eval_set=[(va[FEATURES], va[TARGET])], verbose=False)
    score = wape(va[TARGET].to_numpy(), m.predict(va[FEATURES], iteration_range=(0, m.best_iteration + 1)))
    results.append({"max_depth": md, "min_child_weight": mcw, "reg_lambda": lam,
                    "n_estimators": m.best_iteration + 1, "valid_wape": score})
    print(results[-1])

best = min(results, key=lambda r: r["valid_wape"])
json.dump(best, open("artifacts/best_params.json", "w"), indent=2)
print("best:", best)
