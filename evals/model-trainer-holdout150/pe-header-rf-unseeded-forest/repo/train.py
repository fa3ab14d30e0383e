import json
import sys
from pathlib import Path

import joblib
import pandas as pd
import yaml
from sklearn.ensemble import RandomForestClassifier
from sklearn.inspection import permutation_importance
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

from features import extract

cfg = yaml.safe_load(open(sys.argv[1] if len(sys.argv) > 1 else "config.yaml"))

rows = []
for label_name, label in (("benign", 0), ("malware", 1)):
    for p in sorted(Path(cfg["sample_root"], label_name).glob("*")):
        try:
            rows.append({**extract(str(p)), "label": label, "sha256": p.name})
        except Exception as e:  # packed / truncated files pefile can't parse
            print(f"skip {p.name}: {e}")
df = pd.DataFrame(rows).drop_duplicates(subset="sha256")
X = df.drop(columns=["label", "sha256"])
y = df["label"]

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"]
)

rf = RandomForestClassifier(
    n_estimators=cfg["rf"]["n_estimators"],
    max_features=cfg["rf"]["max_features"],
    min_samples_leaf=cfg["rf"]["min_samples_leaf"],
    class_weight="balanced",
    n_jobs=-1,
)
rf.fit(X_train, y_train)

proba = rf.predict_proba(X_test)[:, 1]
print(classification_report(y_test, (proba >= 0.5).astype(int), digits=4))
print("test ROC AUC:", round(roc_auc_score(y_test, proba), 4))

imp = permutation_importance(rf, X_test, y_test, scoring="roc_auc", n_repeats=10,
                             random_state=cfg["seed"], n_jobs=-1)
ranking = pd.Series(imp.importances_mean, index=X.columns).sort_values(ascending=False)
print(ranking.head(10))

Path(cfg["out_dir"]).mkdir(parents=True, exist_ok=True)
joblib.dump(rf, Path(cfg["out_dir"]) / "pe_header_rf.joblib")
json.dump({"auc": roc_auc_score(y_test, proba)}, open(Path(cfg["out_dir"]) / "metrics.json", "w"))
