import os
import sys

import numpy as np
import timm
import torch
import yaml
from sklearn.metrics import roc_auc_score
from torch.utils.data import DataLoader

from data import MelanomaDataset, get_transforms, make_splits, seed_everything


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    out, ys = [], []
    for x, y in loader:
        out.append(torch.sigmoid(model(x.to(device)).squeeze(1)).cpu())
        ys.append(y)
    return torch.cat(out).numpy(), torch.cat(ys).numpy()


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    seed_everything(cfg["seed"])
    device = "cuda"
    os.makedirs(cfg["out_dir"], exist_ok=True)
    train_df, val_df, _ = make_splits(cfg)
    size, tc = cfg["data"]["img_size"], cfg["train"]

    train_dl = DataLoader(MelanomaDataset(train_df, cfg["data"]["img_dir"], get_transforms(size, True)),
                          batch_size=tc["batch_size"], shuffle=True, num_workers=tc["num_workers"], drop_last=True)
    val_dl = DataLoader(MelanomaDataset(val_df, cfg["data"]["img_dir"], get_transforms(size, False)),
                        batch_size=tc["batch_size"] * 2, num_workers=tc["num_workers"])

    model = timm.create_model(cfg["model"]["arch"], pretrained=True, num_classes=1,
                              drop_rate=cfg["model"]["drop_rate"]).to(device)
    pos_weight = torch.tensor([(train_df.target == 0).sum() / train_df.target.sum()], device=device)
    criterion = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight.sqrt())
    opt = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=tc["lr"], total_steps=tc["epochs"] * len(train_dl))
    scaler = torch.cuda.amp.GradScaler()

    best = 0.0
    for epoch in range(tc["epochs"]):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad(set_to_none=True)
            with torch.autocast("cuda", dtype=torch.float16):
                loss = criterion(model(x).squeeze(1), y)
            scaler.scale(loss).backward()
            scaler.step(opt)
            scaler.update()
            sched.step()
        p, yv = predict(model, val_dl, device)
        auc = roc_auc_score(yv, p)
        print(f"epoch {epoch} val AUC {auc:.4f}")
        if auc > best:
            best = auc
            torch.save(model.state_dict(), os.path.join(cfg["out_dir"], "best.pt"))


if __name__ == "__main__":
    main(*sys.argv[1:])
