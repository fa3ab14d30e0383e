import json

import numpy as np
import yaml
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GroupShuffleSplit

from prep import DETERMINANDS, impute, read_samples

cfg = yaml.safe_load(open("config.yaml"))
SEED = cfg["seed"]
FEATS = DETERMINANDS + ["log_turb", "doy_sin", "doy_cos", "catchment_area_km2", "altitude_m"]

df = read_samples(cfg["data_path"])
print(df["site_id"].nunique(), "sites,", len(df), "samples")

# hold out whole monitoring sites so the score reflects ungauged locations
gss = GroupShuffleSplit(n_splits=1, test_size=cfg["test_size"], random_state=SEED)
tr_idx, te_idx = next(gss.split(df, groups=df["site_id"]))
train, test = df.iloc[tr_idx], df.iloc[te_idx]

train = impute(train, DETERMINANDS, seed=SEED)
test = impute(test, DETERMINANDS, seed=SEED)

model = HistGradientBoostingRegressor(
    max_iter=cfg["hgb"]["max_iter"],
    learning_rate=cfg["hgb"]["learning_rate"],
    max_leaf_nodes=cfg["hgb"]["max_leaf_nodes"],
    l2_regularization=cfg["hgb"]["l2"],
    early_stopping=False,
    random_state=SEED,
)
model.fit(train[FEATS], train["do_mg_l"])

pred = model.predict(test[FEATS])
res = {
    "mae_mg_l": float(mean_absolute_error(test["do_mg_l"], pred)),
    "r2": float(r2_score(test["do_mg_l"], pred)),
    "hypoxia_recall": float(((pred < 4) & (test["do_mg_l"] < 4)).sum() / max((test["do_mg_l"] < 4).sum(), 1)),
    "n_test_sites": int(test["site_id"].nunique()),
}
print(json.dumps(res, indent=2))
