"""Reference model: HSV colour histograms + logistic regression, fit on the dev centres only."""
import json
from pathlib import Path

import cv2
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from src.histo.utils import load_config


def hsv_hist(path, bins=16):
    hsv = cv2.cvtColor(cv2.imread(path), cv2.COLOR_BGR2HSV)
    return np.concatenate([cv2.calcHist([hsv], [c], None, [bins], [0, 256]).ravel() / hsv[..., 0].size for c in range(3)])


cfg = load_config()
out = Path(cfg["train"]["out_dir"])
dev, test = pd.read_csv(out / "dev_folds.csv"), pd.read_csv(out / "test_patches.csv")
X_dev = np.stack([hsv_hist(p) for p in dev.patch_path])
X_test = np.stack([hsv_hist(p) for p in test.patch_path])
clf = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, C=1.0)).fit(X_dev, dev.tumor)
p = clf.predict_proba(X_test)[:, 1]
res = {"auroc": roc_auc_score(test.tumor, p), "auprc": average_precision_score(test.tumor, p)}
print("colour-histogram baseline on test centre:", res)
json.dump(res, open(out / "baseline_test.json", "w"), indent=2)
