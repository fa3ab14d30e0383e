import json
import os
import sys

import numpy as np
import timm
import torch
import yaml
from sklearn.metrics import confusion_matrix, roc_auc_score, roc_curve
from torch.utils.data import DataLoader

from data import MelanomaDataset, get_transforms, make_splits, seed_everything
from train import predict


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    seed_everything(cfg["seed"])
    _, _, test_df = make_splits(cfg)
    test_dl = DataLoader(MelanomaDataset(test_df, cfg["data"]["img_dir"], get_transforms(cfg["data"]["img_size"], False)),
                         batch_size=64, num_workers=8)

    model = timm.create_model(cfg["model"]["arch"], pretrained=False, num_classes=1).cuda()
    model.load_state_dict(torch.load(os.path.join(cfg["out_dir"], "best.pt"), map_location="cuda"))
    probs, y = predict(model, test_dl, "cuda")

    auc = roc_auc_score(y, probs)
    fpr, tpr, thresholds = roc_curve(y, probs)
    j = tpr - fpr
    threshold = float(thresholds[np.argmax(j)])   # Youden's J operating point

    pred = (probs >= threshold).astype(int)
    tn, fp, fn, tp = confusion_matrix(y, pred).ravel()
    report = {
        "n_test": int(len(y)), "n_melanoma": int(y.sum()),
        "auc": round(auc, 4), "threshold": round(threshold, 4),
        "sensitivity": round(tp / (tp + fn), 4), "specificity": round(tn / (tn + fp), 4),
        "ppv": round(tp / max(tp + fp, 1), 4),
    }
    print(json.dumps(report, indent=2))
    with open(os.path.join(cfg["out_dir"], "test_report.json"), "w") as f:
        json.dump(report, f, indent=2)


if __name__ == "__main__":
    main(*sys.argv[1:])
