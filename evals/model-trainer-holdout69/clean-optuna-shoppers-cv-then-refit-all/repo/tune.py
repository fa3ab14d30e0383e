"""Tune the shopper-conversion model with Optuna, evaluate once, then refit for deployment."""
import json
from pathlib import Path

import joblib
import optuna
import pandas as pd
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline

from pipeline import build_pipeline

cfg = yaml.safe_load(Path("config.yaml").read_text())
SEED = cfg["seed"]
out_dir = Path(cfg["artifacts"]["dir"])
out_dir.mkdir(parents=True, exist_ok=True)

df = pd.read_csv(cfg["data"]["path"])
y = df.pop(cfg["data"]["target"]).astype(int)
X = df
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=cfg["data"]["test_size"], stratify=y, random_state=SEED
)
cv = StratifiedKFold(cfg["search"]["cv_folds"], shuffle=True, random_state=SEED)


def objective(trial: optuna.Trial) -> float:
    params = {
        "n_estimators": trial.suggest_int("n_estimators", 100, 1200, step=50),
        "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.3, log=True),
        "max_depth": trial.suggest_int("max_depth", 2, 8),
        "min_child_weight": trial.suggest_float("min_child_weight", 0.5, 30, log=True),
        "subsample": trial.suggest_float("subsample", 0.5, 1.0),
        "colsample_bytree": trial.suggest_float("colsample_bytree", 0.4, 1.0),
        "reg_lambda": trial.suggest_float("reg_lambda", 1e-3, 20, log=True),
    }
    scores = cross_val_score(build_pipeline(params, SEED), X_train, y_train,
                             cv=cv, scoring=cfg["search"]["scoring"], n_jobs=1)
    return float(scores.mean())


study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=SEED))
study.optimize(objective, n_trials=cfg["search"]["n_trials"])
print(f"best CV {cfg['search']['scoring']}: {study.best_value:.4f}")

tuned = build_pipeline(study.best_params, SEED).fit(X_train, y_train)
features_only = build_pipeline({}, SEED).named_steps["features"]
logreg = make_pipeline(features_only, LogisticRegression(max_iter=5000, C=1.0)).fit(X_train, y_train)
prior = DummyClassifier(strategy="prior").fit(X_train, y_train)

rows = {}
for name, model in {"xgb_tuned": tuned, "logreg": logreg, "prior": prior}.items():
    p = model.predict_proba(X_test)[:, 1]
    rows[name] = {
        "roc_auc": roc_auc_score(y_test, p),
        "average_precision": average_precision_score(y_test, p),
        "log_loss": log_loss(y_test, p),
    }
report = pd.DataFrame(rows).T
print(report.round(4))

final = build_pipeline(study.best_params, SEED).fit(X, y)
joblib.dump(final, out_dir / "shoppers_xgb.joblib")
(out_dir / "holdout_metrics.json").write_text(json.dumps({
    "best_params": study.best_params,
    "cv_score": study.best_value,
    "holdout": rows,
    "deployed_model_trained_on_rows": int(len(X)),
}, indent=2))
