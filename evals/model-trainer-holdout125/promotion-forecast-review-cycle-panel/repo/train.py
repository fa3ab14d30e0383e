"""Promotion-readiness model: scores each employee's probability of being promoted in the
next review cycle. Used to pre-populate the calibration committee slate."""
import json
from pathlib import Path

import lightgbm as lgb
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

from features import add_history_features, build_matrix

cfg = yaml.safe_load(open("config.yaml"))
dcfg, scfg = cfg["data"], cfg["split"]

panel = pd.read_parquet(dcfg["path"])
panel = add_history_features(panel)
# last cycle has no outcome yet
panel = panel[panel[dcfg["target"]].notna()].reset_index(drop=True)
print(f"{len(panel):,} employee-cycles, {panel['employee_id'].nunique():,} employees, "
      f"cycles {panel['review_cycle'].min()}..{panel['review_cycle'].max()}")

X, y = build_matrix(panel, dcfg["target"])

X_trval, X_test, y_trval, y_test = train_test_split(
    X, y, test_size=scfg["test_size"], random_state=scfg["seed"], stratify=y
)
X_train, X_val, y_train, y_val = train_test_split(
    X_trval, y_trval, test_size=scfg["val_size"], random_state=scfg["seed"], stratify=y_trval
)

model = lgb.LGBMClassifier(**cfg["model"])
model.fit(
    X_train, y_train,
    eval_set=[(X_val, y_val)],
    eval_metric="auc",
    callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(200)],
)

p_test = model.predict_proba(X_test)[:, 1]
metrics = {
    "test_auc": roc_auc_score(y_test, p_test),
    "test_ap": average_precision_score(y_test, p_test),
    "base_rate": float(y_test.mean()),
    "best_iteration": int(model.best_iteration_),
}
print(json.dumps(metrics, indent=2))

out = Path(cfg["output_dir"])
out.mkdir(parents=True, exist_ok=True)
model.booster_.save_model(str(out / "model.txt"))
(out / "metrics.json").write_text(json.dumps(metrics, indent=2))
