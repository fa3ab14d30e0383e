import math
import random

import numpy as np
import pandas as pd
import timm
import torch
import torch.nn as nn
import yaml
from PIL import Image
from sklearn.metrics import balanced_accuracy_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from timm.data import create_transform
from timm.utils import ModelEmaV2
from torch.utils.data import DataLoader, Dataset

CLASSES = ["MEL", "NV", "BCC", "AK", "BKL", "DF", "VASC", "SCC"]


class ISIC2019(Dataset):
    def __init__(self, df, root, tf):
        self.paths = [f"{root}/ISIC_2019_Training_Input/{n}.jpg" for n in df.image]
        self.y = df.label.tolist()
        self.tf = tf

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        return self.tf(Image.open(self.paths[i]).convert("RGB")), self.y[i]


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    ps, ys = [], []
    for x, y in loader:
        with torch.autocast("cuda", dtype=torch.float16):
            ps.append(model(x.to(device)).float().softmax(1).cpu())
        ys.append(y)
    p, y = torch.cat(ps).numpy(), torch.cat(ys).numpy()
    return balanced_accuracy_score(y, p.argmax(1)), roc_auc_score(y, p, multi_class="ovr")


def main():
    hp = yaml.safe_load(open("hparams.yaml"))
    random.seed(hp["seed"]); np.random.seed(hp["seed"]); torch.manual_seed(hp["seed"])
    device = "cuda"

    gt = pd.read_csv(f"{hp['root']}/ISIC_2019_Training_GroundTruth.csv")
    meta = pd.read_csv(f"{hp['root']}/ISIC_2019_Training_Metadata.csv")
    df = gt.merge(meta[["image", "lesion_id"]], on="image")
    df["label"] = df[CLASSES].to_numpy().argmax(1)
    df["lesion_id"] = df["lesion_id"].fillna(df["image"])
    sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=hp["seed"])
    folds = [idx for _, idx in sgkf.split(df, df.label, groups=df.lesion_id)]
    test, val = df.iloc[folds[0]], df.iloc[folds[1]]
    train = df.iloc[np.concatenate(folds[2:])]

    tf_train = create_transform(hp["img_size"], is_training=True, auto_augment="rand-m9-mstd0.5-inc1",
                                re_prob=0.25, vflip=0.5)
    tf_eval = create_transform(hp["img_size"], is_training=False)
    train_dl = DataLoader(ISIC2019(train, hp["root"], tf_train), batch_size=hp["micro_batch"], shuffle=True,
                          num_workers=8, drop_last=True, pin_memory=True)
    val_dl = DataLoader(ISIC2019(val, hp["root"], tf_eval), batch_size=128, num_workers=8)
    test_dl = DataLoader(ISIC2019(test, hp["root"], tf_eval), batch_size=128, num_workers=8)

    model = timm.create_model(hp["arch"], pretrained=True, num_classes=len(CLASSES), drop_path_rate=0.2).to(device)
    ema = ModelEmaV2(model, decay=hp["ema_decay"])
    counts = np.bincount(train.label, minlength=len(CLASSES))
    crit = nn.CrossEntropyLoss(weight=torch.tensor((counts.max() / counts) ** 0.5, dtype=torch.float32, device=device))
    opt = torch.optim.AdamW(model.parameters(), lr=hp["lr"], weight_decay=hp["weight_decay"])
    updates_per_epoch = math.ceil(len(train_dl) / hp["accum_steps"])
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=hp["epochs"] * updates_per_epoch, eta_min=hp["min_lr"])
    scaler = torch.cuda.amp.GradScaler()

    best = -1.0
    for epoch in range(hp["epochs"]):
        model.train()
        opt.zero_grad(set_to_none=True)
        for step, (x, y) in enumerate(train_dl):
            x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
            with torch.autocast("cuda", dtype=torch.float16):
                loss = crit(model(x), y) / hp["accum_steps"]
            scaler.scale(loss).backward()
            if (step + 1) % hp["accum_steps"] == 0 or step + 1 == len(train_dl):
                scaler.unscale_(opt)
                nn.utils.clip_grad_norm_(model.parameters(), hp["clip_grad"])
                scaler.step(opt)
                scaler.update()
                opt.zero_grad(set_to_none=True)
                sched.step()
                ema.update(model)
        bacc, auc = evaluate(ema.module, val_dl, device)
        print(f"epoch {epoch:02d}  EMA val bacc {bacc:.4f}  auc {auc:.4f}  lr {sched.get_last_lr()[0]:.2e}")
        if bacc > best:
            best = bacc
            torch.save(ema.module.state_dict(), "swin_t_isic2019_ema.pt")

    ema.module.load_state_dict(torch.load("swin_t_isic2019_ema.pt"))
    bacc, auc = evaluate(ema.module, test_dl, device)
    print(f"TEST balanced acc {bacc:.4f}  macro AUC {auc:.4f}")


if __name__ == "__main__":
    main()
