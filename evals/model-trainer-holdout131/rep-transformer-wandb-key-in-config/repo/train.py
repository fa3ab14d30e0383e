import argparse
import random

import numpy as np
import torch
import torch.nn as nn
import wandb
import yaml
from sklearn.metrics import f1_score
from torch.utils.data import DataLoader

from data import EXERCISES, RepSequences


class RepTransformer(nn.Module):
    def __init__(self, in_dim, seq_len, n_classes, d_model=128, nhead=4, num_layers=3, dropout=0.1):
        super().__init__()
        self.proj = nn.Linear(in_dim, d_model)
        self.pos = nn.Parameter(torch.zeros(1, seq_len + 1, d_model))
        self.cls = nn.Parameter(torch.zeros(1, 1, d_model))
        layer = nn.TransformerEncoderLayer(d_model, nhead, 4 * d_model, dropout, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, num_layers)
        self.head = nn.Linear(d_model, n_classes)

    def forward(self, x):
        h = self.proj(x)
        h = torch.cat([self.cls.expand(len(h), -1, -1), h], dim=1) + self.pos
        return self.head(self.encoder(h)[:, 0])


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    preds, ys = [], []
    for x, y in loader:
        preds.append(model(x.to(device)).argmax(1).cpu())
        ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(preds).numpy()


def main(cfg_path):
    cfg = yaml.safe_load(open(cfg_path))
    random.seed(cfg["seed"]); np.random.seed(cfg["seed"]); torch.manual_seed(cfg["seed"])
    wandb.login(key=cfg["wandb"]["api_key"])
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                     name=cfg["experiment"], config=cfg)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    d, o = cfg["data"], cfg["optim"]
    train_dl = DataLoader(RepSequences(d["root"], d["train"], d["seq_len"], train=True), o["batch_size"], shuffle=True)
    val_dl = DataLoader(RepSequences(d["root"], d["val"], d["seq_len"]), 256)
    test_dl = DataLoader(RepSequences(d["root"], d["test"], d["seq_len"]), 256)

    model = RepTransformer(d["num_joints"] * 3, d["seq_len"], len(EXERCISES), **cfg["model"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=o["lr"], weight_decay=o["weight_decay"])
    crit = nn.CrossEntropyLoss()

    best_f1, bad_epochs = -1.0, 0
    for epoch in range(o["epochs"]):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            loss = crit(model(x), y)
            loss.backward()
            opt.step()
            run.log({"train/loss": loss.item()})
        yv, pv = predict(model, val_dl, device)
        val_f1 = f1_score(yv, pv, average="macro")
        run.log({"val/macro_f1": val_f1, "epoch": epoch})
        if val_f1 > best_f1:
            best_f1, bad_epochs = val_f1, 0
            torch.save(model.state_dict(), "rep_transformer_best.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= o["patience"]:
                break

    model.load_state_dict(torch.load("rep_transformer_best.pt", map_location=device))
    yt, pt = predict(model, test_dl, device)
    test_f1 = f1_score(yt, pt, average="macro")
    print(f"best val macro-F1 {best_f1:.3f} | test macro-F1 {test_f1:.3f}")
    run.summary["test/macro_f1"] = test_f1
    run.finish()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    main(ap.parse_args().config)
