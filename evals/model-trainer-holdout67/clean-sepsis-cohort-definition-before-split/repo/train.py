"""30-day mortality for first-ICU-stay sepsis patients: cohort flow, CV on development data, test once."""
import json
import tomllib
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from cohort.build import build_cohort, load

cfg = tomllib.loads(Path("cohort.toml").read_text())
SEED = cfg["model"]["seed"]
np.random.seed(SEED)

df, flow = build_cohort(load(cfg["paths"]), cfg["cohort"])
print(json.dumps(flow, indent=2))

EXCLUDE = {"subject_id", "hadm_id", "stay_id", "intime", "mortality_30d", "first_careunit", "last_careunit",
           "gender", "anchor_age", "anchor_year", "anchor_year_group"}
features = [c for c in df.columns if c not in EXCLUDE and pd.api.types.is_numeric_dtype(df[c])]
X, y = df[features], df["mortality_30d"]

X_dev, X_test, y_dev, y_test = train_test_split(
    X, y, test_size=cfg["model"]["test_size"], stratify=y, random_state=SEED)

candidates = {
    "logreg_sofa_age": Pipeline([
        ("select", ColumnTransformer([("keep", "passthrough", ["sofa_24h", "age"])])),
        ("impute", SimpleImputer(strategy="median")),
        ("clf", LogisticRegression(max_iter=2000)),
    ]),
    "logreg_all": Pipeline([
        ("impute", SimpleImputer(strategy="median", add_indicator=True)),
        ("scale", StandardScaler()),
        ("clf", LogisticRegression(C=0.2, max_iter=5000)),
    ]),
    "lightgbm": lgb.LGBMClassifier(n_estimators=400, learning_rate=0.03, num_leaves=15,
                                   min_child_samples=40, subsample=0.8, subsample_freq=1,
                                   colsample_bytree=0.8, random_state=SEED, verbose=-1),
}

cv = StratifiedKFold(n_splits=cfg["model"]["cv_folds"], shuffle=True, random_state=SEED)
cv_auc = {name: cross_val_score(m, X_dev, y_dev, cv=cv, scoring="roc_auc").mean() for name, m in candidates.items()}
print("CV AUROC:", {k: round(v, 4) for k, v in cv_auc.items()})

test = {}
for name, model in candidates.items():
    p = model.fit(X_dev, y_dev).predict_proba(X_test)[:, 1]
    test[name] = {"auroc": roc_auc_score(y_test, p), "auprc": average_precision_score(y_test, p),
                  "brier": brier_score_loss(y_test, p)}
print("test:", json.dumps(test, indent=2))

out = Path(cfg["paths"]["out"])
out.mkdir(parents=True, exist_ok=True)
(out / "results.json").write_text(json.dumps({"flow": flow, "cv_auroc": cv_auc, "test": test}, indent=2))
