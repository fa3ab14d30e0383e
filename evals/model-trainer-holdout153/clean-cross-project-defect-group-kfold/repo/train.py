"""Cross-project defect prediction (Unified Bug Dataset): does a model trained on some Java
projects transfer to unseen ones? All evaluation is grouped by project."""
import json

import numpy as np
from sklearn.impute import SimpleImputer
from sklearn.metrics import roc_auc_score, matthews_corrcoef
from sklearn.model_selection import StratifiedGroupKFold, cross_validate
from sklearn.pipeline import make_pipeline
from xgboost import XGBClassifier

from helpers import load_config, load_dataset, seed_everything

cfg = load_config()
seed_everything(cfg["seed"])

dev, holdout = load_dataset(cfg)
X, y, groups = dev[cfg["metrics"]], dev["defective"], dev[cfg["group"]]
print(f"dev: {groups.nunique()} projects, {len(dev)} classes | "
      f"holdout: {holdout[cfg['group']].nunique()} projects, {len(holdout)} classes")

model = make_pipeline(
    SimpleImputer(strategy="median"),
    XGBClassifier(**cfg["model"], eval_metric="auc",
                  random_state=cfg["seed"], n_jobs=8),
)

sgkf = StratifiedGroupKFold(n_splits=cfg["cv"]["n_splits"], shuffle=True,
                            random_state=cfg["seed"])
cv = cross_validate(model, X, y, groups=groups, cv=sgkf, scoring="roc_auc",
                    return_train_score=True)
print("grouped CV AUC: %.3f ± %.3f (train %.3f)" % (
    cv["test_score"].mean(), cv["test_score"].std(), cv["train_score"].mean()))

model.fit(X, y)
results = {"cv_auc_mean": float(cv["test_score"].mean())}
for project, part in holdout.groupby(cfg["group"]):
    proba = model.predict_proba(part[cfg["metrics"]])[:, 1]
    results[project] = {
        "auc": float(roc_auc_score(part["defective"], proba)),
        "mcc": float(matthews_corrcoef(part["defective"], proba >= 0.5)),
        "n": int(len(part)),
    }
print(json.dumps(results, indent=2))
