import json
import random
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
import timm
import torch
import torch.nn as nn
from sklearn.metrics import average_precision_score, confusion_matrix, roc_auc_score
from torch.utils.data import DataLoader

from derm.baseline import CATEGORICAL, NUMERIC, metadata_baseline
from derm.data import DermDataset, grouped_holdout, load_metadata, make_transforms
from derm.tta import predict_proba

with open("config.toml", "rb") as f:
    cfg = tomllib.load(f)
seed = cfg["run"]["seed"]
random.seed(seed)
np.random.seed(seed)
torch.manual_seed(seed)
torch.cuda.manual_seed_all(seed)
out_dir = Path(cfg["run"]["out_dir"]) / cfg["run"]["name"]
out_dir.mkdir(parents=True, exist_ok=True)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

meta = load_metadata(cfg["data"]["metadata_csv"])
dev_df, test_df = grouped_holdout(meta, cfg["data"]["test_fraction"], seed)
train_df, val_df = grouped_holdout(dev_df, cfg["data"]["val_fraction"], seed + 1)

model = timm.create_model(cfg["model"]["name"], pretrained=True, num_classes=1,
                          drop_path_rate=cfg["model"]["drop_path_rate"]).to(device)
dcfg = model.pretrained_cfg
train_tf, eval_tf = make_transforms(cfg["data"]["image_size"], dcfg["mean"], dcfg["std"])
t = cfg["train"]
img_dir = cfg["data"]["image_dir"]
train_loader = DataLoader(DermDataset(train_df, img_dir, train_tf), batch_size=t["batch_size"], shuffle=True, num_workers=8, drop_last=True)
val_loader = DataLoader(DermDataset(val_df, img_dir, eval_tf), batch_size=64, num_workers=8)
test_loader = DataLoader(DermDataset(test_df, img_dir, eval_tf), batch_size=64, num_workers=8)

pos_weight = torch.tensor([(1 - train_df.mel.mean()) / train_df.mel.mean()], device=device)
criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
optimizer = torch.optim.AdamW(model.parameters(), lr=t["lr"], weight_decay=t["weight_decay"])
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=t["epochs"])

best_auc, stale = 0.0, 0
for epoch in range(t["epochs"]):
    model.train()
    for x, y in train_loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = criterion(model(x).squeeze(1), y)
        loss.backward()
        optimizer.step()
    scheduler.step()
    val_auc = roc_auc_score(val_df.mel, predict_proba(model, val_loader, device, n_views=1))
    print(f"epoch {epoch:02d} val AUROC {val_auc:.4f}")
    if val_auc > best_auc:
        best_auc, stale = val_auc, 0
        torch.save(model.state_dict(), out_dir / "best.pt")
    else:
        stale += 1
        if stale >= t["patience"]:
            break

model.load_state_dict(torch.load(out_dir / "best.pt", map_location=device))
val_prob = predict_proba(model, val_loader, device, n_views=t["tta_views"])
grid = np.linspace(0.01, 0.99, 99)
sens = np.array([((val_prob >= g) & (val_df.mel == 1)).sum() / (val_df.mel == 1).sum() for g in grid])
threshold = float(grid[sens >= 0.85].max())

results = {"threshold_from_val": threshold}
test_single = predict_proba(model, test_loader, device, n_views=1)
test_tta = predict_proba(model, test_loader, device, n_views=t["tta_views"])
baseline = metadata_baseline().fit(train_df[NUMERIC + CATEGORICAL], train_df.mel)
test_meta = baseline.predict_proba(test_df[NUMERIC + CATEGORICAL])[:, 1]
for name, prob in [("convnext", test_single), ("convnext_tta", test_tta), ("metadata_logreg", test_meta)]:
    entry = {"auroc": roc_auc_score(test_df.mel, prob), "auprc": average_precision_score(test_df.mel, prob)}
    if name == "convnext_tta":
        tn, fp, fn, tp = confusion_matrix(test_df.mel, prob >= threshold).ravel()
        entry.update(sensitivity=tp / (tp + fn), specificity=tn / (tn + fp))
    results[name] = entry
print(json.dumps(results, indent=2))
(out_dir / "test_results.json").write_text(json.dumps(results, indent=2))
