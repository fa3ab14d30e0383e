"""Pick the mortgage underwriting model: best AUC among candidates that meet the 4/5ths rule."""
import joblib
import pandas as pd
import tomli
from sklearn.dummy import DummyClassifier
from sklearn.model_selection import train_test_split

from lending.candidates import CATEGORICAL, NUMERIC, candidate_models
from lending.metrics import approve_top, summarize

with open("selection.toml", "rb") as fh:
    cfg = tomli.load(fh)

target = cfg["data"]["target"]
protected = cfg["data"]["protected"]
seed = cfg["selection"]["seed"]

apps = pd.read_parquet(cfg["data"]["path"])
apps = apps.dropna(subset=[target])
train, holdout = train_test_split(
    apps, test_size=cfg["data"]["holdout_fraction"], stratify=apps[target], random_state=seed
)
features = NUMERIC + CATEGORICAL
X_train, y_train = train[features], train[target]
X_hold, y_hold = holdout[features], holdout[target].to_numpy()

prior = DummyClassifier(strategy="prior").fit(X_train, y_train)
rows = [{"model": "prior", **summarize(y_hold, prior.predict_proba(X_hold)[:, 1],
                                        approve_top(1 - prior.predict_proba(X_hold)[:, 1],
                                                    cfg["selection"]["approval_rate"])[0],
                                        holdout, protected)}]

best_name, best_model, best_auc = None, None, -1.0
for name, model in candidate_models(seed).items():
    model.fit(X_train, y_train)
    p_bad = model.predict_proba(X_hold)[:, 1]
    approved, cutoff = approve_top(1 - p_bad, cfg["selection"]["approval_rate"])
    stats = summarize(y_hold, p_bad, approved, holdout, protected)
    rows.append({"model": name, "cutoff": cutoff, **stats})
    print(f"{name:12s} auc={stats['auc']:.4f} min_air={stats['min_air']:.3f}")
    if stats["min_air"] >= cfg["selection"]["min_air"] and stats["auc"] > best_auc:
        best_name, best_model, best_auc = name, model, stats["auc"]

report = pd.DataFrame(rows)
report.to_csv(cfg["output"]["report_path"], index=False)
print(report.round(4).to_string(index=False))
if best_model is None:
    raise SystemExit("no candidate satisfies the adverse impact constraint")
print(f"selected {best_name}: holdout AUC {best_auc:.4f}")
joblib.dump({"name": best_name, "model": best_model}, cfg["output"]["model_path"])
