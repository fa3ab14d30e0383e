import json
from pathlib import Path

import joblib
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from features import OrderFeatureBuilder

p = yaml.safe_load(open("params.yaml"))
art = Path(p["artifacts"])

clf = joblib.load(art / "cancel_logreg.joblib")
test = pd.read_parquet(art / "test_orders.parquet")

fb = OrderFeatureBuilder(p["numeric"], p["categorical"], p["clip_quantiles"])
X_test = fb.fit_transform(test)
y_test = test["is_cancelled"].values

proba = clf.predict_proba(X_test)[:, 1]
metrics = {
    "n_test": int(len(y_test)),
    "cancel_rate": float(y_test.mean()),
    "roc_auc": roc_auc_score(y_test, proba),
    "pr_auc": average_precision_score(y_test, proba),
    "brier": brier_score_loss(y_test, proba),
}
for k, v in metrics.items():
    print(f"{k:>12}: {v:.4f}" if isinstance(v, float) else f"{k:>12}: {v}")
json.dump(metrics, open(art / "test_metrics.json", "w"), indent=2)
