import os
import sys

import numpy as np
import pandas as pd
import timm
import torch
import yaml
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import DataLoader

from dataset import SkinDataset, get_aug
from utils import AverageMeter, seed_everything, worker_init_fn


@torch.inference_mode()
def predict(model, loader, device, tta):
    model.eval()
    out = []
    for x, _ in loader:
        x = x.to(device)
        logit = model(x).squeeze(1)
        if tta:
            logit = (logit + model(x.flip(-1)).squeeze(1) + model(x.flip(-2)).squeeze(1)) / 3
        out.append(torch.sigmoid(logit).cpu())
    return torch.cat(out).numpy()


def run_fold(cfg, df, fold, device):
    tr, va = df[df.fold != fold], df[df.fold == fold]
    dl_kw = dict(num_workers=cfg["num_workers"], worker_init_fn=worker_init_fn, pin_memory=True)
    train_dl = DataLoader(SkinDataset(tr, cfg["image_dir"], get_aug(cfg["image_size"], True)),
                          batch_size=cfg["batch_size"], shuffle=True, drop_last=True, **dl_kw)
    valid_dl = DataLoader(SkinDataset(va, cfg["image_dir"], get_aug(cfg["image_size"], False)),
                          batch_size=cfg["batch_size"] * 2, shuffle=False, **dl_kw)

    model = timm.create_model(cfg["model"], pretrained=True, num_classes=1, drop_rate=0.3, drop_path_rate=0.2).to(device)
    n_pos = tr.target.sum()
    pos_weight = torch.tensor([min((len(tr) - n_pos) / n_pos, 20.0)], device=device)
    criterion = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=cfg["lr"], pct_start=0.1,
                                                    total_steps=cfg["epochs"] * len(train_dl))
    scaler = torch.cuda.amp.GradScaler()

    for epoch in range(cfg["epochs"]):
        model.train()
        meter = AverageMeter()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad(set_to_none=True)
            with torch.cuda.amp.autocast():
                loss = criterion(model(x).squeeze(1), y)
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
            scheduler.step()
            meter.update(loss.item(), len(y))
        print(f"fold {fold} epoch {epoch} train loss {meter.avg:.4f}")

    torch.save(model.state_dict(), os.path.join(cfg["output_dir"], f"fold{fold}.pt"))
    preds = predict(model, valid_dl, device, cfg["tta_flips"])
    print(f"fold {fold} AUC {roc_auc_score(va.target, preds):.4f}")
    return va.index, preds


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    seed_everything(cfg["seed"])
    os.makedirs(cfg["output_dir"], exist_ok=True)
    device = "cuda"

    df = pd.read_csv(cfg["csv"])
    sgkf = StratifiedGroupKFold(n_splits=cfg["folds"], shuffle=True, random_state=cfg["seed"])
    df["fold"] = -1
    for k, (_, idx) in enumerate(sgkf.split(df, df.target, groups=df.patient_id)):
        df.loc[idx, "fold"] = k

    df["oof"] = np.nan
    for fold in range(cfg["folds"]):
        idx, preds = run_fold(cfg, df, fold, device)
        df.loc[idx, "oof"] = preds

    print(f"OOF AUC (patient-grouped 5-fold): {roc_auc_score(df.target, df.oof):.4f}")
    df[["image_name", "patient_id", "target", "fold", "oof"]].to_csv(os.path.join(cfg["output_dir"], "oof.csv"), index=False)


if __name__ == "__main__":
    main(*sys.argv[1:])
