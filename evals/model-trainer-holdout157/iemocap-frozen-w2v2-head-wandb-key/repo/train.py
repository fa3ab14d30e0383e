import argparse

import pandas as pd
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import accuracy_score, recall_score
from torch.utils.data import DataLoader, Dataset

from utils import init_wandb, pad_collate, set_seed

LABELS = {"neu": 0, "hap": 1, "exc": 1, "ang": 2, "sad": 3}


class FeatDataset(Dataset):
    def __init__(self, df, feat_dir):
        self.ids, self.y, self.feat_dir = df.utterance_id.tolist(), df.label.tolist(), feat_dir

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, i):
        return torch.load(f"{self.feat_dir}/{self.ids[i]}.pt"), self.y[i]


class AttnPoolHead(nn.Module):
    def __init__(self, in_dim, hidden, n_classes, dropout):
        super().__init__()
        self.proj = nn.Sequential(nn.LayerNorm(in_dim), nn.Linear(in_dim, hidden), nn.GELU(), nn.Dropout(dropout))
        self.attn = nn.Linear(hidden, 1)
        self.out = nn.Linear(hidden, n_classes)

    def forward(self, x, mask):
        h = self.proj(x)
        w = self.attn(h).squeeze(-1).masked_fill(~mask, -1e4).softmax(-1)
        return self.out((w.unsqueeze(-1) * h).sum(1))


@torch.no_grad()
def evaluate(model, dl, device):
    model.eval()
    ys, ps = [], []
    for x, m, y in dl:
        ps.append(model(x.to(device), m.to(device)).argmax(-1).cpu())
        ys.append(y)
    ys, ps = torch.cat(ys), torch.cat(ps)
    return accuracy_score(ys, ps), recall_score(ys, ps, average="macro")


def main(cfg):
    set_seed(cfg["train"]["seed"])
    run = init_wandb(cfg)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_csv(cfg["data"]["csv"])
    df = df[df.emotion.isin(LABELS)].assign(label=lambda d: d.emotion.map(LABELS))
    parts = {k: df[df.session.isin(cfg["data"][f"{k}_sessions"])] for k in ("train", "val", "test")}
    dls = {k: DataLoader(FeatDataset(v, cfg["data"]["feat_dir"]), batch_size=cfg["train"]["batch_size"],
                         shuffle=(k == "train"), collate_fn=pad_collate) for k, v in parts.items()}

    m = cfg["model"]
    model = AttnPoolHead(m["in_dim"], m["hidden"], 4, m["dropout"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["train"]["lr"], weight_decay=cfg["train"]["weight_decay"])
    counts = torch.bincount(torch.tensor(parts["train"].label.values), minlength=4).float()
    loss_fn = nn.CrossEntropyLoss(weight=(counts.sum() / counts).to(device))

    best = 0.0
    for epoch in range(cfg["train"]["epochs"]):
        model.train()
        for x, mask, y in dls["train"]:
            opt.zero_grad()
            loss = loss_fn(model(x.to(device), mask.to(device)), y.to(device))
            loss.backward()
            opt.step()
        wa, ua = evaluate(model, dls["val"], device)
        run.log({"epoch": epoch, "train/loss": loss.item(), "val/wa": wa, "val/ua": ua})
        if ua > best:
            best = ua
            torch.save(model.state_dict(), "head_best.pt")

    model.load_state_dict(torch.load("head_best.pt"))
    wa, ua = evaluate(model, dls["test"], device)
    run.summary.update({"test/wa": wa, "test/ua": ua})
    print(f"Session 5 test: WA={wa:.4f} UA={ua:.4f}")
    run.finish()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    main(yaml.safe_load(open(ap.parse_args().config)))
