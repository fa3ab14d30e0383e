import random
from collections import Counter
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader

from kws.data import KeywordClips, official_splits
from kws.model import ResKWS
from kws.stats import mel_bin_stats

cfg = yaml.safe_load(open("config.yaml"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"
tcfg = cfg["train"]
Path(tcfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)

splits = official_splits(cfg["data"]["root"])
datasets = {name: KeywordClips(cfg["data"]["root"], clips, cfg["data"]["keywords"],
                               cfg["data"]["sample_rate"], **cfg["features"])
            for name, clips in splits.items()}

stats_loader = DataLoader(datasets["train"], batch_size=256, num_workers=8)
mean, std = mel_bin_stats(stats_loader)
torch.save({"mean": mean, "std": std}, tcfg["stats_path"])
for ds in datasets.values():
    ds.mean, ds.std = mean, std

g = torch.Generator().manual_seed(cfg["seed"])
train_dl = DataLoader(datasets["train"], batch_size=tcfg["batch_size"], shuffle=True, generator=g, num_workers=8)
val_dl = DataLoader(datasets["val"], batch_size=256, num_workers=8)
test_dl = DataLoader(datasets["test"], batch_size=256, num_workers=8)


@torch.no_grad()
def predict(model, loader):
    model.eval()
    out, ys = [], []
    for x, y in loader:
        out.append(model(x.to(device)).argmax(1).cpu())
        ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(out).numpy()


n_classes = len(datasets["train"].labels)
model = ResKWS(n_classes).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=tcfg["lr"], weight_decay=1e-5)
criterion = nn.CrossEntropyLoss()
best_f1, stale = 0.0, 0
for epoch in range(tcfg["epochs"]):
    model.train()
    for x, y in train_dl:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
    yt, yp = predict(model, val_dl)
    val_f1 = f1_score(yt, yp, average="macro")
    print(f"epoch {epoch:02d} loss {loss.item():.3f} val acc {accuracy_score(yt, yp):.4f} val macro-F1 {val_f1:.4f}")
    if val_f1 > best_f1:
        best_f1, stale = val_f1, 0
        torch.save(model.state_dict(), tcfg["checkpoint"])
    else:
        stale += 1
        if stale >= tcfg["patience"]:
            print(f"no improvement for {stale} epochs, stopping")
            break

model.load_state_dict(torch.load(tcfg["checkpoint"], map_location=device))
yt, yp = predict(model, test_dl)
train_labels = [datasets["train"].label_of(c) for c in splits["train"]]
majority = Counter(train_labels).most_common(1)[0][0]
print(f"majority-class baseline: acc {accuracy_score(yt, np.full_like(yt, majority)):.4f} "
      f"macro-F1 {f1_score(yt, np.full_like(yt, majority), average='macro'):.4f}")
print(f"ResKWS test: acc {accuracy_score(yt, yp):.4f} macro-F1 {f1_score(yt, yp, average='macro'):.4f}")
