import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import average_precision_score, roc_auc_score


class SpecCNN(nn.Module):
    def __init__(self, n_ch=18):
        super().__init__()
        def blk(ci, co):
            return nn.Sequential(nn.Conv2d(ci, co, 3, padding=1), nn.BatchNorm2d(co), nn.ReLU(), nn.MaxPool2d(2))
        self.body = nn.Sequential(blk(n_ch, 32), blk(32, 64), blk(64, 128), nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.out = nn.Sequential(nn.Dropout(0.4), nn.Linear(128, 1))

    def forward(self, x):
        return self.out(self.body(x)).squeeze(1)


class Trainer:
    def __init__(self, model, lr, device):
        self.model = model.to(device)
        self.device = device
        self.opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-2)
        self.loss = nn.BCEWithLogitsLoss()

    def train_one_epoch(self, loader):
        self.model.train()
        total = 0.0
        for x, y in loader:
            x, y = x.to(self.device), y.to(self.device)
            self.opt.zero_grad(set_to_none=True)
            loss = self.loss(self.model(x), y)
            loss.backward()
            self.opt.step()
            total += loss.item() * len(y)
        return total / len(loader.dataset)

    @torch.no_grad()
    def validate(self, loader):
        self.model.eval()
        probs, ys = [], []
        for x, y in loader:
            probs.append(torch.sigmoid(self.model(x.to(self.device))).cpu())
            ys.append(y)
        p, t = torch.cat(probs).numpy(), torch.cat(ys).numpy()
        return {"auroc": roc_auc_score(t, p), "auprc": average_precision_score(t, p), "probs": p}
