"""Reference model: logistic regression on 32x32 grayscale thumbnails, same patient-level splits."""
import json

import numpy as np
import pandas as pd
from PIL import Image
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def thumbs(frame, root="data/images"):
    return np.stack([
        np.asarray(Image.open(f"{root}/{f}").convert("L").resize((32, 32)), dtype=np.float32).ravel() / 255.0
        for f in frame["file"]
    ])


def main():
    meta = pd.read_csv("data/cxr_splits.csv")
    train, test = meta[meta.split == "train"], meta[meta.split == "test"]
    clf = make_pipeline(StandardScaler(), LogisticRegression(C=0.05, max_iter=5000, class_weight="balanced"))
    clf.fit(thumbs(train), train["pneumonia"])
    p = clf.predict_proba(thumbs(test))[:, 1]
    print(json.dumps({"baseline_test_auroc": roc_auc_score(test["pneumonia"], p),
                      "baseline_test_ap": average_precision_score(test["pneumonia"], p)}, indent=2))


if __name__ == "__main__":
    main()
