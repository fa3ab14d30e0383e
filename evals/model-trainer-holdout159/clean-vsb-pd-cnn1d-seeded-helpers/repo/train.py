from pathlib import Path

import torch
import torch.nn as nn
import yaml
from torch.utils.data import DataLoader

from dataset import load
from engine import evaluate, train_epoch
from model import PDNet
from utils import set_seed


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_ds, val_ds, test_ds = load(cfg)
    bs = cfg["train"]["batch_size"]
    train_dl = DataLoader(train_ds, batch_size=bs, shuffle=True, num_workers=2)
    val_dl = DataLoader(val_ds, batch_size=bs * 2)
    test_dl = DataLoader(test_ds, batch_size=bs * 2)

    model = PDNet(**cfg["model"]).to(device)
    criterion = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(cfg["train"]["pos_weight"], device=device))
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["train"]["lr"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg["train"]["epochs"])

    ckpt = Path(cfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best = -1.0
    for epoch in range(1, cfg["train"]["epochs"] + 1):
        loss = train_epoch(model, train_dl, optimizer, criterion, device)
        scheduler.step()
        val = evaluate(model, val_dl, device)
        print(f"[{epoch:02d}] loss={loss:.4f} val_mcc={val['mcc']:.4f} val_auc={val['auc']:.4f}")
        if val["mcc"] > best:
            best = val["mcc"]
            torch.save(model.state_dict(), ckpt)

    model.load_state_dict(torch.load(ckpt, map_location=device))
    test = evaluate(model, test_dl, device)
    print(f"best val MCC {best:.4f} | test MCC {test['mcc']:.4f} test AUC {test['auc']:.4f}")


if __name__ == "__main__":
    main()
