import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import yaml
from torch.utils.data import DataLoader

from dataset import MSPDataset

cfg = yaml.safe_load(open("config.yaml"))
random.seed(cfg["seed"]); np.random.seed(cfg["seed"]); torch.manual_seed(cfg["seed"])
device = "cuda"


def ccc(x, y):
    mx, my = x.mean(0), y.mean(0)
    cov = ((x - mx) * (y - my)).mean(0)
    return 2 * cov / (x.var(0, unbiased=False) + y.var(0, unbiased=False) + (mx - my) ** 2)


class CRNN(nn.Module):
    def __init__(self):
        super().__init__()
        blocks, c = [], 1
        for o in (32, 64, 128):
            blocks += [nn.Conv2d(c, o, 3, padding=1), nn.BatchNorm2d(o), nn.ReLU(), nn.MaxPool2d((2, 2))]
            c = o
        self.cnn = nn.Sequential(*blocks)
        self.gru = nn.GRU(128 * 8, 128, batch_first=True, bidirectional=True)
        self.head = nn.Sequential(nn.Dropout(0.3), nn.Linear(256, 3), nn.Sigmoid())

    def forward(self, x):
        h = self.cnn(x).permute(0, 3, 1, 2).flatten(2)
        return self.head(self.gru(h)[0].mean(1))


labels = pd.read_csv(cfg["labels_csv"])
def loader(split, train):
    ds = MSPDataset(labels[labels.Split_Set == split], cfg["feat_dir"], cfg["stats_path"], cfg["crop_frames"], train)
    return DataLoader(ds, batch_size=cfg["batch_size"] if train else 1, shuffle=train,
                      drop_last=train, num_workers=4)
train_dl, dev_dl, test_dl = loader("Train", True), loader("Development", False), loader("Test1", False)


@torch.no_grad()
def evaluate(dl):
    model.eval()
    P, Y = [], []
    for x, y in dl:
        P.append(model(x.to(device)).cpu()); Y.append(y)
    return ccc(torch.cat(P), torch.cat(Y))


model = CRNN().to(device)
opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
best = -1.0
for epoch in range(cfg["epochs"]):
    model.train()
    for x, y in train_dl:
        opt.zero_grad()
        loss = (1 - ccc(model(x.to(device)), y.to(device))).mean()
        loss.backward()
        opt.step()
    dev = evaluate(dev_dl)
    print(f"epoch {epoch}: dev CCC aro {dev[0]:.3f} val {dev[1]:.3f} dom {dev[2]:.3f}")
    if dev.mean() > best:
        best = dev.mean().item()
        torch.save(model.state_dict(), "crnn_best.pt")

model.load_state_dict(torch.load("crnn_best.pt"))
test = evaluate(test_dl)
print(f"Test1 CCC  aro {test[0]:.3f}  val {test[1]:.3f}  dom {test[2]:.3f}")
