import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, precision_recall_curve, precision_score, recall_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict, train_test_split

from pipeline import build_pipeline

cfg = yaml.safe_load(open("config.yaml"))
cols = cfg["features"]["numeric"] + cfg["features"]["binary"]

df = pd.read_parquet(cfg["data"])
X, y = df[cols], df[cfg["label"]]
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"]
)

# out-of-fold scores on the training split -> CV estimate + operating threshold
cv = StratifiedKFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=cfg["seed"])
oof = cross_val_predict(build_pipeline(cfg), X_train, y_train, cv=cv, method="predict_proba")[:, 1]
print(f"OOF PR AUC: {average_precision_score(y_train, oof):.4f}")

prec, rec, thr = precision_recall_curve(y_train, oof)
ok = np.where(rec[:-1] >= cfg["target_recall"])[0]
threshold = float(thr[ok[-1]])
print(f"threshold for recall>={cfg['target_recall']}: {threshold:.3f} (OOF precision {prec[ok[-1]]:.3f})")

model = build_pipeline(cfg).fit(X_train, y_train)
scores = model.predict_proba(X_test)[:, 1]
flag = scores >= threshold
print(f"test PR AUC {average_precision_score(y_test, scores):.4f}")
print(f"test precision {precision_score(y_test, flag):.3f}  recall {recall_score(y_test, flag):.3f}")
