"""X-ray reject prediction for tire curing presses."""
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, precision_recall_curve, precision_score, recall_score, roc_auc_score

from curing.data import fill_numeric, load_cycles, split_by_period
from curing.experiment import load_experiment

cfg = load_experiment()
df = load_cycles(cfg)
train, valid, test = split_by_period(df, cfg["periods"])
train, valid, test = fill_numeric([train, valid, test], cfg["numeric"], reference=train)
features = cfg["categorical"] + cfg["numeric"]
target = cfg["target"]
print({k: (len(v), round(v[target].mean(), 4)) for k, v in [("train", train), ("valid", valid), ("test", test)]})

press_rate = train.groupby("press_id")[target].mean()
global_rate = train[target].mean()
baseline_valid = valid["press_id"].map(press_rate).fillna(global_rate)
baseline_test = test["press_id"].map(press_rate).fillna(global_rate)

params = dict(cfg["catboost"])
stop_rounds = params.pop("early_stopping_rounds")
model = CatBoostClassifier(**params, random_seed=cfg["seed"], auto_class_weights="SqrtBalanced", verbose=250)
model.fit(
    Pool(train[features], train[target], cat_features=cfg["categorical"]),
    eval_set=Pool(valid[features], valid[target], cat_features=cfg["categorical"]),
    early_stopping_rounds=stop_rounds,
    use_best_model=True,
)

valid_p = model.predict_proba(valid[features])[:, 1]
prec, rec, thr = precision_recall_curve(valid[target], valid_p)
meets = np.flatnonzero(prec[:-1] >= cfg["alarm"]["min_precision"])
threshold = float(thr[meets[0]]) if len(meets) else float(np.quantile(valid_p, 0.99))

test_p = model.predict_proba(test[features])[:, 1]
alarm = test_p >= threshold
report = pd.DataFrame({
    "press_rate_baseline": {
        "pr_auc": average_precision_score(test[target], baseline_test),
        "roc_auc": roc_auc_score(test[target], baseline_test),
        "valid_pr_auc": average_precision_score(valid[target], baseline_valid),
    },
    "catboost": {
        "pr_auc": average_precision_score(test[target], test_p),
        "roc_auc": roc_auc_score(test[target], test_p),
        "valid_pr_auc": average_precision_score(valid[target], valid_p),
        "precision_at_alarm": precision_score(test[target], alarm, zero_division=0),
        "recall_at_alarm": recall_score(test[target], alarm),
    },
})
print(report.round(3))
model.save_model("models/curing_reject_catboost.cbm")
