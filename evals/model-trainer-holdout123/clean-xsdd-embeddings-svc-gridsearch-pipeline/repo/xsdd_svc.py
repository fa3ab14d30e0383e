"""X-SDD hot-rolled strip defects (7 classes, ~1.4k images): frozen-feature baseline.

Frozen torchvision ResNet50 features -> StandardScaler -> PCA -> SVC, tuned by CV on the training split.
"""
import json
import random
from pathlib import Path

import joblib
import numpy as np
import torch
from PIL import Image
from sklearn.decomposition import PCA
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
from torchvision import models

SEED = 8
ROOT = Path("data/X-SDD")
random.seed(SEED); np.random.seed(SEED); torch.manual_seed(SEED)


def extract(paths, device, bs=64):
    weights = models.ResNet50_Weights.IMAGENET1K_V2
    net = models.resnet50(weights=weights)
    net.fc = torch.nn.Identity()
    net.to(device).eval()
    prep = weights.transforms()
    feats = []
    with torch.inference_mode():
        for i in range(0, len(paths), bs):
            x = torch.stack([prep(Image.open(p).convert("RGB")) for p in paths[i:i + bs]])
            feats.append(net(x.to(device)).cpu().numpy())
    return np.concatenate(feats)


def main():
    classes = sorted(d.name for d in ROOT.iterdir() if d.is_dir())
    paths, labels = [], []
    for k, c in enumerate(classes):
        for p in sorted((ROOT / c).glob("*.jpg")):
            paths.append(p); labels.append(k)
    y = np.array(labels)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    X = extract(paths, device)
    np.save("xsdd_r50_feats.npy", X)

    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=SEED)

    pipe = Pipeline([
        ("scale", StandardScaler()),
        ("pca", PCA(whiten=True, random_state=SEED)),
        ("svc", SVC(kernel="rbf", class_weight="balanced")),
    ])
    grid = {
        "pca__n_components": [64, 128, 256],
        "svc__C": [0.3, 1, 3, 10],
        "svc__gamma": ["scale", 1e-3, 1e-4],
    }
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    search = GridSearchCV(pipe, grid, scoring="f1_macro", cv=cv, n_jobs=-1, refit=True)
    search.fit(X_tr, y_tr)
    print("best params:", search.best_params_, "CV macro-F1:", round(search.best_score_, 4))

    pred = search.predict(X_te)
    print(classification_report(y_te, pred, target_names=classes, digits=3))
    result = {"cv_f1_macro": search.best_score_, "test_f1_macro": f1_score(y_te, pred, average="macro"),
              "best_params": search.best_params_}
    Path("results.json").write_text(json.dumps(result, indent=2, default=str))
    joblib.dump(search.best_estimator_, "xsdd_svc.joblib")


if __name__ == "__main__":
    main()
