"""Quarterly gym-membership churn model: point-in-time features, out-of-time validation and test."""
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from churnpit.features import member_features
from churnpit.labels import labels_at

P = yaml.safe_load(open("params.yaml"))
W = P["windows"]
np.random.seed(P["seed"])

src = {k: pd.read_parquet(v) for k, v in P["sources"].items()}


def snapshot(as_of: str) -> pd.DataFrame:
    as_of = pd.Timestamp(as_of)
    labels = labels_at(src["members"], as_of, W["outcome_days"])
    feats = member_features(src["members"], src["visits"], src["payments"], src["web"],
                            as_of, W["lookback_days"])
    return labels.merge(feats, left_on="member_id", right_index=True, how="left")


train = pd.concat([snapshot(d) for d in W["train_snapshots"]], ignore_index=True)
valid = snapshot(W["valid_snapshot"])
test = snapshot(W["test_snapshot"])

# outcome windows of the training snapshots must close before the validation snapshot starts
last_train_outcome = pd.Timestamp(max(W["train_snapshots"])) + pd.Timedelta(days=W["outcome_days"])
assert last_train_outcome <= pd.Timestamp(W["valid_snapshot"]), "train labels overlap validation period"

features = [c for c in train.columns if c not in ("member_id", "as_of", "churned")]
params = {k: v for k, v in P["lgbm"].items() if k not in ("max_rounds", "patience")}
params.update(seed=P["seed"], deterministic=True, verbose=-1)

booster = lgb.train(
    params,
    lgb.Dataset(train[features], train["churned"]),
    num_boost_round=P["lgbm"]["max_rounds"],
    valid_sets=[lgb.Dataset(valid[features], valid["churned"])],
    callbacks=[lgb.early_stopping(P["lgbm"]["patience"]), lgb.log_evaluation(200)],
)


def metrics(y, p):
    k = max(1, len(p) // 10)
    top = np.argsort(-p)[:k]
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p),
            "brier": brier_score_loss(y, p), "lift@10%": float(y.to_numpy()[top].mean() / y.mean())}


# rule of thumb the clubs use today: fewer than 2 visits in the last 4 weeks
heuristic = 1.0 / (1.0 + test["visits_4w"].to_numpy())
report = {
    "lightgbm": metrics(test["churned"], booster.predict(test[features], num_iteration=booster.best_iteration)),
    "visits_4w_heuristic": metrics(test["churned"], heuristic),
    "train_rows": len(train), "valid_rows": len(valid), "test_rows": len(test),
    "best_iteration": booster.best_iteration,
}
out = Path(P["out_dir"])
out.mkdir(parents=True, exist_ok=True)
booster.save_model(str(out / "lgbm.txt"))
(out / "report.json").write_text(json.dumps(report, indent=2, default=float))
print(json.dumps(report, indent=2, default=float))
