"""Final evaluation on the held-out hospital: average of all fold models, each with dihedral TTA.

The operating threshold is fixed beforehand from the out-of-fold predictions on the dev centres
(the threshold maximising F1 there); the test centre is scored once, here.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import timm
import torch
from sklearn.metrics import f1_score, precision_recall_curve, recall_score
from torch.utils.data import DataLoader

from src.histo.data import Patches, eval_tfms
from src.histo.engine import predict, ranking_metrics
from src.histo.utils import load_config, seed_everything

cfg = load_config()
seed_everything(cfg["seed"])
out = Path(cfg["train"]["out_dir"])

dev = pd.read_csv(out / "dev_oof.csv")
prec, rec, thr = precision_recall_curve(dev.tumor, dev.oof)
f1s = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-8, None)
threshold = float(thr[f1s.argmax()])
print(f"threshold from dev OOF: {threshold:.3f}")

test = pd.read_csv(out / "test_patches.csv")
dl = DataLoader(Patches(test, eval_tfms(cfg["model"]["img_size"])), 256, num_workers=8)
fold_preds = []
for k in range(cfg["data"]["n_folds"]):
    model = timm.create_model(cfg["model"]["arch"], pretrained=False, num_classes=1)
    model.load_state_dict(torch.load(out / f"fold{k}.pt", map_location="cpu"))
    fold_preds.append(predict(model.to("cuda"), dl, "cuda", tta=True))
p = np.mean(fold_preds, axis=0)

y = test.tumor.values
res = ranking_metrics(y, p)
res.update({
    "threshold": threshold,
    "f1": f1_score(y, p >= threshold),
    "sensitivity": recall_score(y, p >= threshold),
    "specificity": recall_score(1 - y, p < threshold),
})
print(json.dumps(res, indent=2))
json.dump(res, open(out / "test_metrics.json", "w"), indent=2)
