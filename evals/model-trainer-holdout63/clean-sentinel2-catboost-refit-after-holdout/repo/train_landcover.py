"""Land-cover classes for 2.56 km Sentinel-2 tiles from frozen SSL4EO ResNet-50 embeddings.

1) stratified train / val / test, 2) CatBoost with early stopping on val, 3) test report next to
baselines, 4) production model refit on every labelled tile with the selected number of trees.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, cohen_kappa_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 21
TABLE = "data/s2_tiles/ssl4eo_rn50_embeddings.parquet"  # tile_id, label, emb_000..emb_2047
OUT = Path("models/landcover")


def scores(y_true, y_pred):
    return {
        "macro_f1": f1_score(y_true, y_pred, average="macro"),
        "balanced_acc": balanced_accuracy_score(y_true, y_pred),
        "kappa": cohen_kappa_score(y_true, y_pred),
    }


table = pd.read_parquet(TABLE)
feat_cols = [c for c in table.columns if c.startswith("emb_")]
X, y = table[feat_cols].to_numpy(np.float32), table["label"].to_numpy()
print(table["label"].value_counts())

X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
X_train, X_val, y_train, y_val = train_test_split(X_dev, y_dev, test_size=0.2, stratify=y_dev, random_state=SEED)

params = dict(
    loss_function="MultiClass",
    depth=6,
    learning_rate=0.05,
    l2_leaf_reg=5,
    auto_class_weights="Balanced",
    random_seed=SEED,
    verbose=250,
)
cat = CatBoostClassifier(iterations=5000, od_type="Iter", od_wait=200, use_best_model=True, **params)
cat.fit(X_train, y_train, eval_set=(X_val, y_val))
best_iter = cat.get_best_iteration() + 1

majority = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
logreg = make_pipeline(StandardScaler(), LogisticRegression(C=0.1, max_iter=3000, class_weight="balanced"))
logreg.fit(X_train, y_train)

report = {
    "catboost": scores(y_test, cat.predict(X_test).ravel()),
    "logreg": scores(y_test, logreg.predict(X_test)),
    "majority": scores(y_test, majority.predict(X_test)),
    "catboost_best_iteration": best_iter,
}
print(json.dumps(report, indent=2))

final = CatBoostClassifier(iterations=best_iter, **params)
final.fit(X, y)
OUT.mkdir(parents=True, exist_ok=True)
final.save_model(str(OUT / "catboost_landcover.cbm"))
(OUT / "holdout_report.json").write_text(json.dumps(report, indent=2))
