"""Promo lift model: Poisson LightGBM, early-stopped on H2-2023, reported on 2024."""
import json

import lightgbm as lgb
import numpy as np
import yaml

from promo.data import CATEGORICAL, FEATURES, load_panel, split_periods


def wape(y, p):
    return float(np.abs(y - p).sum() / y.sum())


cfg = yaml.safe_load(open("config.yaml"))
df = load_panel(cfg["panel_path"])
tr, va, te = split_periods(df, cfg["periods"]["train_end"], cfg["periods"]["valid_end"])
print(f"train {len(tr):,}  valid {len(va):,}  test {len(te):,}")

model = lgb.LGBMRegressor(**cfg["lgbm"], random_state=cfg["seed"], verbose=-1)
model.fit(
    tr[FEATURES], tr["units_sold"],
    eval_set=[(va[FEATURES], va["units_sold"])],
    eval_metric="poisson",
    categorical_feature=CATEGORICAL,
    callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(500)],
)
print("best iteration", model.best_iteration_)

valid_wape = wape(va["units_sold"], model.predict(va[FEATURES]))
test_pred = model.predict(te[FEATURES])
test_wape = wape(te["units_sold"], test_pred)

# lift on test promo weeks: same rows with the mechanics switched off
promo = te[te["tpr_depth"] > 0].copy()
base = promo[FEATURES].copy()
base[["tpr_depth", "is_bogo", "is_multibuy", "display_flag", "feature_flag"]] = 0
promo["incremental"] = model.predict(promo[FEATURES]) - model.predict(base)
lift = promo.groupby("category_id")["incremental"].sum()

print(f"valid WAPE {valid_wape:.3f}   test WAPE {test_wape:.3f}")
print(lift.sort_values(ascending=False).head(10).round(0))

model.booster_.save_model("models/promo_lift_lgbm.txt")
json.dump({"valid_wape": valid_wape, "test_wape": test_wape, "best_iteration": model.best_iteration_},
          open("models/promo_lift_metrics.json", "w"), indent=2)
