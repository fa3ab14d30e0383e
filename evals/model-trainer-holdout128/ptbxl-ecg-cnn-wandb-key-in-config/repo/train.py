import copy
import random

import numpy as np
import torch
import torch.nn as nn
import wandb
import yaml
from sklearn.metrics import roc_auc_score
from torch.utils.data import DataLoader, TensorDataset

from data import SUPERCLASSES, load_ptbxl


class ECGNet(nn.Module):
    def __init__(self, n_leads=12, n_out=5):
        super().__init__()
        def block(ci, co, k):
            return nn.Sequential(nn.Conv1d(ci, co, k, padding=k // 2), nn.BatchNorm1d(co), nn.ReLU(), nn.MaxPool1d(2))
        self.net = nn.Sequential(block(n_leads, 64, 9), block(64, 128, 7), block(128, 128, 5), block(128, 256, 3),
                                 nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Dropout(0.3), nn.Linear(256, n_out))

    def forward(self, x):
        return self.net(x)


@torch.no_grad()
def macro_auc(model, loader, device):
    model.eval()
    ps, ys = [], []
    for x, y in loader:
        ps.append(torch.sigmoid(model(x.to(device))).cpu())
        ys.append(y)
    return roc_auc_score(torch.cat(ys).numpy(), torch.cat(ps).numpy(), average="macro")


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    random.seed(cfg["seed"]); np.random.seed(cfg["seed"]); torch.manual_seed(cfg["seed"])
    wandb.login(key=cfg["wandb"]["api_key"])
    run = wandb.init(project=cfg["project"], entity=cfg["wandb"]["entity"], mode=cfg["wandb"]["mode"], config=cfg)

    X, Y, folds = load_ptbxl(cfg["data"]["root"], cfg["data"]["sampling_rate"])
    tr = np.isin(folds, cfg["data"]["train_folds"])
    va, te = folds == cfg["data"]["val_fold"], folds == cfg["data"]["test_fold"]

    # lead-wise standardisation
    mu = X[tr].mean(axis=(0, 1), keepdims=True)
    sd = X[tr].std(axis=(0, 1), keepdims=True)
    X = ((X - mu) / sd).transpose(0, 2, 1)

    def loader(mask, shuffle):
        ds = TensorDataset(torch.from_numpy(X[mask]), torch.from_numpy(Y[mask]))
        return DataLoader(ds, batch_size=cfg["train"]["batch_size"], shuffle=shuffle)

    train_dl, val_dl, test_dl = loader(tr, True), loader(va, False), loader(te, False)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = ECGNet(n_out=len(SUPERCLASSES)).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=cfg["train"]["lr"])
    crit = nn.BCEWithLogitsLoss()

    best_auc, best_state, wait = 0.0, None, 0
    for epoch in range(cfg["train"]["epochs"]):
        model.train()
        for x, y in train_dl:
            opt.zero_grad()
            loss = crit(model(x.to(device)), y.to(device))
            loss.backward()
            opt.step()
        val_auc = macro_auc(model, val_dl, device)
        wandb.log({"epoch": epoch, "train/loss": loss.item(), "val/macro_auc": val_auc})
        if val_auc > best_auc:
            best_auc, best_state, wait = val_auc, copy.deepcopy(model.state_dict()), 0
        else:
            wait += 1
            if wait >= cfg["train"]["patience"]:
                break

    model.load_state_dict(best_state)
    test_auc = macro_auc(model, test_dl, device)
    print(f"val macro AUC {best_auc:.4f} | test macro AUC {test_auc:.4f}")
    run.summary["test/macro_auc"] = test_auc
    run.finish()


if __name__ == "__main__":
    main()
