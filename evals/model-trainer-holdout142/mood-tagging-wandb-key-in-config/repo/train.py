import random
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import wandb
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score
from torch.utils.data import DataLoader

from data import EmbeddingTagDataset, read_split

cfg = yaml.safe_load(open("config.yaml"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])

wandb.login(key=cfg["wandb"]["api_key"])
run = wandb.init(project=cfg["project"], entity=cfg["wandb"]["entity"], name=cfg["run_name"], config=cfg)

splits = Path(cfg["data"]["splits_dir"])
prefix = cfg["data"]["tag_prefix"]
train_rows = read_split(splits / "autotagging_moodtheme-train.tsv", prefix)
val_rows = read_split(splits / "autotagging_moodtheme-validation.tsv", prefix)
test_rows = read_split(splits / "autotagging_moodtheme-test.tsv", prefix)
tags = sorted({t for _, _, ts in train_rows for t in ts})

emb_dir = cfg["data"]["embeddings_dir"]
tc = cfg["train"]
dl_train = DataLoader(EmbeddingTagDataset(train_rows, emb_dir, tags), batch_size=tc["batch_size"], shuffle=True, num_workers=4)
dl_val = DataLoader(EmbeddingTagDataset(val_rows, emb_dir, tags), batch_size=256, num_workers=4)
dl_test = DataLoader(EmbeddingTagDataset(test_rows, emb_dir, tags), batch_size=256, num_workers=4)

model = nn.Sequential(
    nn.Linear(1280, tc["hidden"]), nn.BatchNorm1d(tc["hidden"]), nn.ReLU(), nn.Dropout(tc["dropout"]),
    nn.Linear(tc["hidden"], len(tags)),
)
opt = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
bce = nn.BCEWithLogitsLoss()


def score(dl):
    model.eval()
    ys, ps = [], []
    with torch.no_grad():
        for x, y in dl:
            ps.append(torch.sigmoid(model(x)))
            ys.append(y)
    y, p = torch.cat(ys).numpy(), torch.cat(ps).numpy()
    keep = y.sum(0) > 0
    return roc_auc_score(y[:, keep], p[:, keep], average="macro"), average_precision_score(y[:, keep], p[:, keep], average="macro")


best = -1.0
for epoch in range(tc["epochs"]):
    model.train()
    for x, y in dl_train:
        opt.zero_grad()
        loss = bce(model(x), y)
        loss.backward()
        opt.step()
    roc, pr = score(dl_val)
    wandb.log({"epoch": epoch, "train/loss": loss.item(), "val/roc_auc": roc, "val/pr_auc": pr})
    if pr > best:
        best = pr
        torch.save(model.state_dict(), "best.pt")

model.load_state_dict(torch.load("best.pt"))
roc, pr = score(dl_test)
print(f"test ROC-AUC {roc:.4f}  PR-AUC {pr:.4f}")
wandb.summary.update({"test/roc_auc": roc, "test/pr_auc": pr})
run.finish()
