import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
import yaml
from torch.utils.data import DataLoader, TensorDataset

from model import EmbeddingClassifier
from pseudo import predict_proba, select_pseudo_labels

cfg = yaml.safe_load(open("config.yaml"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"

df = pd.read_csv(cfg["labeled_csv"])
emb_cols = [c for c in df.columns if c.startswith("emb_")]
# UrbanSound8K ships 10 predefined folds; clips cut from one recording stay in one fold
parts = {
    "train": df[~df["fold"].isin([cfg["val_fold"], cfg["test_fold"]])],
    "val": df[df["fold"] == cfg["val_fold"]],
    "test": df[df["fold"] == cfg["test_fold"]],
}
T = {k: (torch.tensor(v[emb_cols].to_numpy(), dtype=torch.float32), torch.tensor(v["classID"].to_numpy()))
     for k, v in parts.items()}
X_unl = torch.tensor(np.load(cfg["unlabeled_npy"]), dtype=torch.float32)

model = EmbeddingClassifier().to(device)
opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=1e-2)


def accuracy(split):
    X, y = T[split]
    return (predict_proba(model, X, device).argmax(1) == y).float().mean().item()


best_val = 0.0
Path(cfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)
for epoch in range(cfg["epochs"]):
    X_tr, y_tr = T["train"]
    w_tr = torch.ones(len(y_tr))
    if epoch >= cfg["warmup_epochs"]:
        X_pl, y_pl = select_pseudo_labels(model, X_unl, cfg["pseudo_threshold"], device)
        X_tr, y_tr = torch.cat([X_tr, X_pl]), torch.cat([y_tr, y_pl])
        w_tr = torch.cat([w_tr, torch.full((len(y_pl),), cfg["pseudo_weight"])])

    loader = DataLoader(TensorDataset(X_tr, y_tr, w_tr), batch_size=cfg["micro_batch"], shuffle=True)
    model.train()
    opt.zero_grad()
    for step, (xb, yb, wb) in enumerate(loader):
        xb, yb, wb = xb.to(device), yb.to(device), wb.to(device)
        loss = (F.cross_entropy(model(xb), yb, reduction="none") * wb).mean() / cfg["accum_steps"]
        loss.backward()
        if (step + 1) % cfg["accum_steps"] == 0 or step + 1 == len(loader):
            opt.step()
            opt.zero_grad()

    val_acc = accuracy("val")
    print(f"epoch {epoch:02d}  n_train={len(y_tr):6d}  val_acc={val_acc:.4f}")
    if val_acc > best_val:
        best_val = val_acc
        torch.save(model.state_dict(), cfg["checkpoint"])

model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
print(f"best val acc {best_val:.4f}  |  fold-{cfg['test_fold']} test acc {accuracy('test'):.4f}")
