"""Discrete-time hazard model with LightGBM for time to graft-versus-host disease (months)."""
import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sksurv.metrics import brier_score, concordance_index_censored
from sksurv.util import Surv

from person_period import expand, survival_from_hazards

cfg = yaml.safe_load(open("lgbm_params.yaml"))
np.random.seed(cfg["seed"])
W, H = cfg["interval_months"], cfg["max_months"]

pts = pd.read_csv("data/hsct_recipients.csv").drop_duplicates("pid")
covs = ["age", "donor_age", "hla_match", "female_to_male", "cmv_pos", "myeloablative", "pbsc", "atg"]
pp = expand(pts, "pid", "months", "gvhd", W, H)
feats = covs + ["interval"]

gss = GroupShuffleSplit(n_splits=1, test_size=cfg["test_size"], random_state=cfg["seed"])
dev_i, test_i = next(gss.split(pp, groups=pp["pid"]))
dev, test = pp.iloc[dev_i], pp.iloc[test_i]
gss_val = GroupShuffleSplit(n_splits=1, test_size=cfg["val_size"], random_state=cfg["seed"])
tr_i, va_i = next(gss_val.split(dev, groups=dev["pid"]))
train, val = dev.iloc[tr_i], dev.iloc[va_i]

booster = lgb.train(
    {**cfg["lgbm"], "seed": cfg["seed"]},
    lgb.Dataset(train[feats], train["y"]),
    num_boost_round=5000,
    valid_sets=[lgb.Dataset(val[feats], val["y"])],
    callbacks=[lgb.early_stopping(200), lgb.log_evaluation(500)],
)
booster.save_model("models/gvhd_lgbm.txt", num_iteration=booster.best_iteration)

pooled_logit = make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000, C=1.0))
pooled_logit.fit(pd.get_dummies(train[feats], columns=["interval"], dtype=float), train["y"])
test_dummies = pd.get_dummies(test[feats], columns=["interval"], dtype=float)
test_dummies = test_dummies.reindex(columns=pooled_logit.feature_names_in_, fill_value=0.0)

test_pts = pts[pts["pid"].isin(test["pid"].unique())].set_index("pid")
dev_pts = pts[pts["pid"].isin(dev["pid"].unique())]
y_dev = Surv.from_arrays(dev_pts["gvhd"].eq(1) & dev_pts["months"].le(H), dev_pts["months"].clip(upper=H))
y_te = Surv.from_arrays(test_pts["gvhd"].eq(1) & test_pts["months"].le(H), test_pts["months"].clip(upper=H))

horizon_int = int(12 / W) - 1
for name, hz in [("lightgbm", booster.predict(test[feats], num_iteration=booster.best_iteration)),
                 ("pooled logistic", pooled_logit.predict_proba(test_dummies)[:, 1])]:
    surv = survival_from_hazards(test, hz, "pid").reindex(test_pts.index)
    s12 = surv[horizon_int].fillna(surv.ffill(axis=1).iloc[:, -1]).to_numpy()
    c12 = concordance_index_censored(y_te["event"], y_te["time"], 1 - s12)[0]
    _, bs12 = brier_score(y_dev, y_te, s12, 12.0)
    print(f"{name:16s} C(12m risk)={c12:.4f}  Brier@12m={bs12[0]:.4f}")
