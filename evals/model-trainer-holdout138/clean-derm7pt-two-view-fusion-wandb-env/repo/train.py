import os
import random

import numpy as np
import timm
import torch
import torch.nn as nn
import wandb
import yaml
from sklearn.metrics import balanced_accuracy_score, roc_auc_score
from torch.utils.data import DataLoader

from data import DIAG, TwoView, official_splits, transforms


class TwoViewNet(nn.Module):
    def __init__(self, backbone, fusion_dim, n_cls):
        super().__init__()
        self.clinic = timm.create_model(backbone, pretrained=True, num_classes=0)
        self.derm = timm.create_model(backbone, pretrained=True, num_classes=0)
        d = self.clinic.num_features
        self.fuse = nn.Sequential(nn.Linear(2 * d, fusion_dim), nn.ReLU(), nn.Dropout(0.4), nn.Linear(fusion_dim, n_cls))

    def forward(self, clinic, derm):
        return self.fuse(torch.cat([self.clinic(clinic), self.derm(derm)], dim=1))


@torch.no_grad()
def evaluate(model, dl, device):
    model.eval()
    ps, ys = [], []
    for c, d, y in dl:
        ps.append(model(c.to(device), d.to(device)).softmax(1).cpu())
        ys.append(y)
    p, y = torch.cat(ps).numpy(), torch.cat(ys).numpy()
    return {"bacc": balanced_accuracy_score(y, p.argmax(1)), "auc": roc_auc_score(y, p, multi_class="ovr")}


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    random.seed(cfg["seed"]); np.random.seed(cfg["seed"]); torch.manual_seed(cfg["seed"])
    wandb.login(key=os.environ[cfg["wandb"]["api_key_env"]])
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"], tags=cfg["wandb"]["tags"], config=cfg)

    root, size, tc = cfg["data"]["root"], cfg["data"]["img_size"], cfg["train"]
    splits = official_splits(root)
    dl_tr = DataLoader(TwoView(splits["train"], root, transforms(size, True)), batch_size=tc["batch_size"], shuffle=True, num_workers=4)
    dl_va = DataLoader(TwoView(splits["valid"], root, transforms(size, False)), batch_size=32, num_workers=4)
    dl_te = DataLoader(TwoView(splits["test"], root, transforms(size, False)), batch_size=32, num_workers=4)

    device = "cuda"
    model = TwoViewNet(cfg["model"]["backbone"], cfg["model"]["fusion_dim"], len(DIAG)).to(device)
    freq = np.bincount(splits["train"]["y"], minlength=len(DIAG))
    crit = nn.CrossEntropyLoss(weight=torch.tensor(freq.sum() / (len(DIAG) * freq), dtype=torch.float32, device=device))
    opt = torch.optim.Adam(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])

    best, bad = -1.0, 0
    for epoch in range(tc["epochs"]):
        model.train()
        for c, d, y in dl_tr:
            opt.zero_grad()
            loss = crit(model(c.to(device), d.to(device)), y.to(device))
            loss.backward()
            opt.step()
            wandb.log({"train/loss": loss.item()})
        m = evaluate(model, dl_va, device)
        wandb.log({"valid/bacc": m["bacc"], "valid/auc": m["auc"], "epoch": epoch})
        if m["bacc"] > best:
            best, bad = m["bacc"], 0
            torch.save(model.state_dict(), "two_view_best.pt")
        else:
            bad += 1
            if bad >= tc["patience"]:
                break

    model.load_state_dict(torch.load("two_view_best.pt"))
    test = evaluate(model, dl_te, device)
    print("test", test)
    run.summary.update({f"test/{k}": v for k, v in test.items()})
    run.finish()


if __name__ == "__main__":
    main()
