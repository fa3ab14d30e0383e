"""Melanoma prediction from dermoscopic 7-point criteria + lesion context (Derm7pt official splits)."""
import json

import numpy as np
import yaml
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, precision_score, recall_score, roc_auc_score

from derm7pt.io import CONTEXT, CRITERIA, load_split, seven_point_checklist

with open("config.yaml") as f:
    cfg = yaml.safe_load(f)
paths = cfg["paths"]
np.random.seed(cfg["random_seed"])

train = load_split(paths["meta"], paths["train_idx"])
valid = load_split(paths["meta"], paths["valid_idx"])
test = load_split(paths["meta"], paths["test_idx"])
features = CRITERIA + CONTEXT
print({name: (len(d), round(d.melanoma.mean(), 3)) for name, d in [("train", train), ("valid", valid), ("test", test)]})

pool = lambda d: Pool(d[features].astype(str), d["melanoma"], cat_features=features)
model = CatBoostClassifier(**cfg["catboost"], random_seed=cfg["random_seed"], verbose=200)
model.fit(pool(train), eval_set=pool(valid), use_best_model=True)
model.save_model(paths["model_out"])

val_prob = model.predict_proba(pool(valid))[:, 1]
cands = np.unique(val_prob)
meets = [t for t in cands if recall_score(valid.melanoma, val_prob >= t) >= cfg["target_sensitivity"]]
threshold = float(max(meets))

test_prob = model.predict_proba(pool(test))[:, 1]
test_pred = test_prob >= threshold
rule_score = seven_point_checklist(test)
rule_pred = rule_score >= 3

report = {
    "threshold_from_valid": threshold,
    "catboost": {
        "auroc": roc_auc_score(test.melanoma, test_prob),
        "auprc": average_precision_score(test.melanoma, test_prob),
        "sensitivity": recall_score(test.melanoma, test_pred),
        "ppv": precision_score(test.melanoma, test_pred),
    },
    "seven_point_rule": {
        "auroc": roc_auc_score(test.melanoma, rule_score),
        "sensitivity": recall_score(test.melanoma, rule_pred),
        "ppv": precision_score(test.melanoma, rule_pred),
    },
}
print(json.dumps(report, indent=2))
importance = model.get_feature_importance(prettified=True)
print(importance.head(10))
