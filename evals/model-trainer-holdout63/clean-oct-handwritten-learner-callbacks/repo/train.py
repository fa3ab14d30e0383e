"""OCT2017 (CNV / DME / DRUSEN / NORMAL) with the in-house Learner.

The official val/ folder holds 8 scans per class, so validation is carved out of train/ by patient;
the official test/ folder is only scored at the end.
"""
import json
import os

import numpy as np
import tomli
import torch
import torch.nn as nn
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import DataLoader, Subset
from torchvision import datasets, models, transforms

from octlearn.learner import EarlyStoppingCallback, Learner, SaveBestCallback
from octlearn.utils import patient_id, set_seed

with open("config.toml", "rb") as fh:
    cfg = tomli.load(fh)
set_seed(cfg["seed"])
dcfg, tcfg = cfg["data"], cfg["train"]
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

norm = transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
train_tf = transforms.Compose([transforms.Grayscale(3), transforms.RandomResizedCrop(dcfg["img_size"], scale=(0.8, 1.0)),
                               transforms.RandomHorizontalFlip(), transforms.ToTensor(), norm])
eval_tf = transforms.Compose([transforms.Grayscale(3), transforms.Resize((dcfg["img_size"], dcfg["img_size"])),
                              transforms.ToTensor(), norm])

train_full = datasets.ImageFolder(os.path.join(dcfg["root"], "train"), transform=train_tf)
eval_view = datasets.ImageFolder(os.path.join(dcfg["root"], "train"), transform=eval_tf)
test_set = datasets.ImageFolder(os.path.join(dcfg["root"], "test"), transform=eval_tf)

targets = np.array(train_full.targets)
groups = np.array([patient_id(os.path.basename(p)) for p, _ in train_full.samples])
sgkf = StratifiedGroupKFold(n_splits=dcfg["val_fraction_folds"], shuffle=True, random_state=cfg["seed"])
tr_idx, va_idx = next(sgkf.split(np.zeros(len(targets)), targets, groups))

kw = dict(batch_size=dcfg["batch_size"], num_workers=dcfg["num_workers"], pin_memory=True)
train_dl = DataLoader(Subset(train_full, tr_idx), shuffle=True, drop_last=True, **kw)
valid_dl = DataLoader(Subset(eval_view, va_idx), **kw)
test_dl = DataLoader(test_set, **kw)

model = models.resnet50(weights=models.ResNet50_Weights.IMAGENET1K_V2)
model.fc = nn.Linear(model.fc.in_features, len(train_full.classes))
opt = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=tcfg["epochs"])
os.makedirs(os.path.dirname(tcfg["checkpoint"]), exist_ok=True)

learn = Learner(model, train_dl, valid_dl, nn.CrossEntropyLoss(), opt, device,
                cbs=[EarlyStoppingCallback(tcfg["patience"]), SaveBestCallback(tcfg["checkpoint"])])
learn.fit(tcfg["epochs"], sched)

learn.model.load_state_dict(torch.load(tcfg["checkpoint"], map_location=device))
test_metrics = learn.validate(test_dl)
y_test, p_test = learn.get_preds(test_dl)
majority = np.bincount(targets[tr_idx]).argmax()
p_base = np.full_like(y_test, majority)
baseline_metrics = {"accuracy": accuracy_score(y_test, p_base),
                    "macro_f1": f1_score(y_test, p_base, average="macro", zero_division=0)}

print(classification_report(y_test, p_test, target_names=test_set.classes, digits=4))
print(json.dumps({"test": test_metrics, "majority_baseline": baseline_metrics}, indent=2))
