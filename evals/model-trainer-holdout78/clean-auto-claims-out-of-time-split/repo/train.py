"""Out-of-time claim-propensity model: train on 2015-2022, test on the 2023 policy year."""
import itertools
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import TimeSeriesSplit, train_test_split

from claims.features import CATEGORICAL, FEATURES, build_history_features

cfg = yaml.safe_load(open("config.yaml"))
SEED = cfg["seed"]

raw = pd.read_parquet(cfg["data"])
raw["has_claim"] = (raw["claim_count"] > 0).astype(int)
df = build_history_features(raw)

dev = df[df["policy_year"] < cfg["test_year"]]
test = df[df["policy_year"] == cfg["test_year"]]
fit, val = train_test_split(dev, test_size=cfg["val_fraction"], shuffle=False)


def make_model(**params):
    return lgb.LGBMClassifier(n_estimators=3000, learning_rate=0.03, subsample=0.8, subsample_freq=1,
                              colsample_bytree=0.8, random_state=SEED, verbose=-1, **params)


cv = TimeSeriesSplit(n_splits=cfg["cv_splits"])
grid = [dict(zip(cfg["grid"], v)) for v in itertools.product(*cfg["grid"].values())]
cv_scores = {}
for params in grid:
    fold_auc = []
    for tr_idx, va_idx in cv.split(fit):
        tr, va = fit.iloc[tr_idx], fit.iloc[va_idx]
        m = make_model(**params).fit(tr[FEATURES], tr["has_claim"], eval_set=[(va[FEATURES], va["has_claim"])],
                                     callbacks=[lgb.early_stopping(100, verbose=False)])
        fold_auc.append(roc_auc_score(va["has_claim"], m.predict_proba(va[FEATURES])[:, 1]))
    cv_scores[json.dumps(params)] = float(np.mean(fold_auc))
best_params = json.loads(max(cv_scores, key=cv_scores.get))
print("cv:", cv_scores, "best:", best_params)

model = make_model(**best_params)
model.fit(fit[FEATURES], fit["has_claim"], eval_set=[(val[FEATURES], val["has_claim"])], eval_metric="auc",
          callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)])

numeric = [c for c in FEATURES if c not in CATEGORICAL]
glm = LogisticRegression(max_iter=2000).fit(fit[numeric], fit["has_claim"])

y_test = test["has_claim"].to_numpy()
p_gbm = model.predict_proba(test[FEATURES])[:, 1]
p_glm = glm.predict_proba(test[numeric])[:, 1]
report = {name: {"auc": roc_auc_score(y_test, p), "ap": average_precision_score(y_test, p),
                 "logloss": log_loss(y_test, p)}
          for name, p in [("gbm", p_gbm), ("glm_baseline", p_glm)]}

audit = test.assign(score=p_gbm)
for col in cfg["audit_cols"]:
    tbl = audit.groupby(col).agg(n=("has_claim", "size"), observed=("has_claim", "mean"), predicted=("score", "mean"))
    tbl["pred_to_obs"] = tbl["predicted"] / tbl["observed"]
    report[f"calibration_by_{col}"] = tbl.round(4).reset_index().to_dict(orient="records")

out = Path(cfg["out_dir"])
out.mkdir(parents=True, exist_ok=True)
(out / "report.json").write_text(json.dumps(report, indent=2, default=str))
model.booster_.save_model(str(out / "lgbm_claim.txt"))
print(json.dumps(report, indent=2, default=str))
