"""Score extracted invoices by the risk that the extraction needs manual correction."""
import json

import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score, precision_recall_curve
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier

from invoice_risk.features import add_vendor_history, extraction_features

cfg = yaml.safe_load(open("settings.yaml"))
np.random.seed(cfg["seed"])

df = pd.read_parquet(cfg["extractions_path"])
y = df[cfg["label"]].astype(int)
print(f"{len(df)} invoices, review rate {y.mean():.3f}")

X = extraction_features(df)
X = add_vendor_history(df, X, cfg["label"])

X_trval, X_test, y_trval, y_test = train_test_split(
    X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"]
)
X_train, X_val, y_train, y_val = train_test_split(
    X_trval, y_trval, test_size=0.2, stratify=y_trval, random_state=cfg["seed"]
)

baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
baseline.fit(X_train[["min_field_conf", "ocr_mean_conf"]].fillna(0), y_train)

p = cfg["xgb"]
model = XGBClassifier(
    n_estimators=p["n_estimators"],
    learning_rate=p["learning_rate"],
    max_depth=p["max_depth"],
    subsample=p["subsample"],
    colsample_bytree=p["colsample_bytree"],
    early_stopping_rounds=p["early_stopping_rounds"],
    eval_metric="aucpr",
    random_state=cfg["seed"],
)
model.fit(X_train, y_train, eval_set=[(X_val, y_val)], verbose=200)

# operating point: review queue sized for 90% recall of bad extractions, chosen on validation
prec, rec, thr = precision_recall_curve(y_val, model.predict_proba(X_val)[:, 1])
op_thr = float(thr[np.where(rec[:-1] >= 0.90)[0][-1]])

scores = {
    "baseline": baseline.predict_proba(X_test[["min_field_conf", "ocr_mean_conf"]].fillna(0))[:, 1],
    "xgb": model.predict_proba(X_test)[:, 1],
}
report = {}
for name, s in scores.items():
    report[name] = {"roc_auc": roc_auc_score(y_test, s), "pr_auc": average_precision_score(y_test, s)}
flagged = scores["xgb"] >= op_thr
report["xgb"].update({
    "threshold": op_thr,
    "recall_at_thr": float(y_test[flagged].sum() / y_test.sum()),
    "review_share": float(flagged.mean()),
})
print(json.dumps(report, indent=2))
model.save_model("models/review_risk_xgb.json")
