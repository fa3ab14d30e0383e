"""Linear probe for DR grading: SimSiam features vs. ImageNet-supervised and random-init ResNet-50."""
import json

import numpy as np
import pandas as pd
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, cohen_kappa_score, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedGroupKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader
from torchvision.models import ResNet50_Weights, resnet50

from fundus.data import Images, eval_tf, grade_lookup, split_names

SEED = 1701
torch.manual_seed(SEED)


def backbone(kind):
    if kind == "imagenet":
        net = resnet50(weights=ResNet50_Weights.IMAGENET1K_V2)
    else:
        net = resnet50(weights=None)
    net.fc = torch.nn.Identity()
    if kind == "simsiam":
        net.load_state_dict(torch.load("checkpoints/simsiam_r50.pt", map_location="cpu"))
    return net.cuda().eval()


@torch.no_grad()
def features(net, names, grades):
    dl = DataLoader(Images(names, "data/images", eval_tf, labels=grades), 256, num_workers=8)
    zs, ys = zip(*[(net(x.cuda()).cpu(), y) for x, y in dl])
    return torch.cat(zs).numpy(), torch.cat(ys).numpy()


splits, grades = split_names(), grade_lookup()
patient_of = pd.read_csv("data/labels.csv").set_index("image").patient
dev_names = splits["train"] + splits["val"]
report = {}
for kind in ("simsiam", "imagenet", "random"):
    net = backbone(kind)
    Z_tr, y_tr = features(net, dev_names, grades)
    Z_te, y_te = features(net, splits["test"], grades)
    probe = GridSearchCV(
        Pipeline([("scale", StandardScaler()), ("lr", LogisticRegression(max_iter=5000, class_weight="balanced"))]),
        {"lr__C": [0.001, 0.01, 0.1, 1.0]},
        cv=StratifiedGroupKFold(5, shuffle=True, random_state=SEED),
        scoring="f1_macro",
    ).fit(Z_tr, y_tr, groups=patient_of.loc[dev_names].to_numpy())
    pred = probe.predict(Z_te)
    report[kind] = {
        "quadratic_kappa": cohen_kappa_score(y_te, pred, weights="quadratic"),
        "macro_f1": f1_score(y_te, pred, average="macro"),
        "balanced_accuracy": balanced_accuracy_score(y_te, pred),
        "C": probe.best_params_["lr__C"],
    }
print(json.dumps(report, indent=2))
