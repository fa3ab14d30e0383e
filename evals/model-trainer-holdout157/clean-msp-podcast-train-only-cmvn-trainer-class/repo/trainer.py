import torch
import torch.nn as nn
from sklearn.metrics import f1_score, recall_score


class EmoTDNN(nn.Module):
    def __init__(self, n_classes, dropout):
        super().__init__()
        self.tdnn = nn.Sequential(
            nn.Conv1d(80, 256, 5, padding=2), nn.ReLU(), nn.BatchNorm1d(256),
            nn.Conv1d(256, 256, 3, dilation=2, padding=2), nn.ReLU(), nn.BatchNorm1d(256),
            nn.Conv1d(256, 256, 3, dilation=3, padding=3), nn.ReLU(), nn.BatchNorm1d(256))
        self.head = nn.Sequential(nn.Linear(512, 256), nn.ReLU(), nn.Dropout(dropout), nn.Linear(256, n_classes))

    def forward(self, x, lens):
        h = self.tdnn(x.transpose(1, 2))                                   # (B, C, T)
        mask = (torch.arange(h.size(2), device=h.device)[None] < lens[:, None].to(h.device)).unsqueeze(1)
        n = mask.sum(-1)
        mu = (h * mask).sum(-1) / n
        sd = (((h - mu.unsqueeze(-1)) ** 2 * mask).sum(-1) / n).clamp_min(1e-6).sqrt()
        return self.head(torch.cat([mu, sd], 1))


class Trainer:
    def __init__(self, model, optimizer, loss_fn, device):
        self.model, self.opt, self.loss_fn, self.device = model.to(device), optimizer, loss_fn, device

    def fit_epoch(self, loader):
        self.model.train()
        for x, lens, y in loader:
            self.opt.zero_grad()
            loss = self.loss_fn(self.model(x.to(self.device), lens), y.to(self.device))
            loss.backward()
            self.opt.step()

    @torch.inference_mode()
    def score(self, loader):
        self.model.eval()
        ys, ps = [], []
        for x, lens, y in loader:
            ps += self.model(x.to(self.device), lens).argmax(1).tolist()
            ys += y.tolist()
        return {"uar": recall_score(ys, ps, average="macro"), "macro_f1": f1_score(ys, ps, average="macro")}
