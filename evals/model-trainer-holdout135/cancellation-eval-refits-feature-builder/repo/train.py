from pathlib import Path

import joblib
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from features import OrderFeatureBuilder, load_and_split

p = yaml.safe_load(open("params.yaml"))
out = Path(p["artifacts"])
out.mkdir(exist_ok=True)

train, test = load_and_split(p["orders_path"], p["split_date"])
test.to_parquet(out / "test_orders.parquet")

fb = OrderFeatureBuilder(p["numeric"], p["categorical"], p["clip_quantiles"])
X_train = fb.fit_transform(train)
y_train = train["is_cancelled"].values

clf = LogisticRegression(**p["logreg"])
clf.fit(X_train, y_train)
print(f"train AUC {roc_auc_score(y_train, clf.predict_proba(X_train)[:, 1]):.4f}")

joblib.dump(clf, out / "cancel_logreg.joblib")
print("saved", out / "cancel_logreg.joblib")
