import os
import random
import sys

import numpy as np
import torch
import torch.nn as nn
import yaml
from torch.utils.data import DataLoader
from torchvision.models.video import R3D_18_Weights, r3d_18

from dataset import WLASLClips


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def build_model(cfg, num_classes):
    model = r3d_18(weights=R3D_18_Weights.KINETICS400_V1 if cfg["pretrained"] else None)
    model.fc = nn.Sequential(nn.Dropout(cfg["dropout"]), nn.Linear(model.fc.in_features, num_classes))
    return model


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    hits1 = hits5 = n = 0
    for clips, labels in loader:
        logits = model(clips.to(device))
        top5 = logits.topk(5, dim=1).indices.cpu()
        hits1 += (top5[:, 0] == labels).sum().item()
        hits5 += (top5 == labels[:, None]).any(1).sum().item()
        n += labels.size(0)
    return hits1 / n, hits5 / n


def main(cfg_path):
    cfg = yaml.safe_load(open(cfg_path))
    d, t = cfg["data"], cfg["train"]
    seed_all(t["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    os.makedirs(cfg["output_dir"], exist_ok=True)

    common = dict(root=d["root"], index_file=d["index"], num_glosses=d["num_glosses"],
                  num_frames=d["num_frames"], img_size=d["img_size"])
    train_ds = WLASLClips(split=d["train_split"], train=True, **common)
    eval_ds = WLASLClips(split=d["eval_split"], **common)
    train_dl = DataLoader(train_ds, batch_size=t["batch_size"], shuffle=True, num_workers=t["num_workers"], drop_last=True)
    eval_dl = DataLoader(eval_ds, batch_size=t["batch_size"], num_workers=t["num_workers"])
    print(f"{len(train_ds)} train clips / {len(eval_ds)} {d['eval_split']} clips")

    model = build_model(cfg["model"], d["num_glosses"]).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=t["lr"], momentum=t["momentum"], weight_decay=t["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=t["epochs"])
    criterion = nn.CrossEntropyLoss()

    best_top1 = 0.0
    for epoch in range(t["epochs"]):
        model.train()
        for clips, labels in train_dl:
            optimizer.zero_grad()
            loss = criterion(model(clips.to(device)), labels.to(device))
            loss.backward()
            optimizer.step()
        scheduler.step()

        top1, top5 = evaluate(model, eval_dl, device)
        print(f"epoch {epoch} loss {loss.item():.3f} top1 {top1:.4f} top5 {top5:.4f}")
        if top1 > best_top1:
            best_top1, best_top5 = top1, top5
            torch.save(model.state_dict(), os.path.join(cfg["output_dir"], "best.pth"))

    print(f"WLASL{d['num_glosses']} {d['eval_split']} accuracy: top-1 {best_top1:.4f} top-5 {best_top5:.4f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "configs/wlasl100_r3d18.yaml")
