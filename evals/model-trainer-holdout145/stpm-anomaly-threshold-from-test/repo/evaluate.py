import json

import numpy as np
import torch
from sklearn.metrics import f1_score, precision_recall_curve, roc_auc_score
from torch.utils.data import DataLoader

from data import MVTecAD
from stpm import STPM

cfg = json.load(open("config.json"))
device = "cuda"

model = STPM(cfg["layers"]).to(device)
model.student.load_state_dict(torch.load(cfg["ckpt"], map_location=device))
model.eval()

test_ds = MVTecAD(cfg["data_root"], cfg["category"], "test", cfg["image_size"])
scores, labels = [], []
for x, y in DataLoader(test_ds, batch_size=16, shuffle=False):
    amap = model.anomaly_map(x.to(device), cfg["image_size"])
    scores.append(amap.flatten(1).max(dim=1).values.cpu())
    labels.append(y)
scores, labels = torch.cat(scores).numpy(), torch.cat(labels).numpy()

auroc = roc_auc_score(labels, scores)

precision, recall, thresholds = precision_recall_curve(labels, scores)
f1 = 2 * precision * recall / np.clip(precision + recall, 1e-8, None)
threshold = thresholds[np.argmax(f1[:-1])]
pred = (scores >= threshold).astype(int)

print(f"[{cfg['category']}] image AUROC {auroc:.4f}")
print(f"[{cfg['category']}] threshold {threshold:.5f}  F1 {f1_score(labels, pred):.4f}  "
      f"acc {(pred == labels).mean():.4f}")
json.dump({"category": cfg["category"], "auroc": float(auroc), "threshold": float(threshold),
           "f1": float(f1_score(labels, pred))}, open(f"runs/metrics_{cfg['category']}.json", "w"), indent=2)
