"""Lab project: small CNN on SVHN with gradient accumulation (fits the 4 GB lab GPUs)."""
import random
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import yaml
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader, random_split
from torchvision import datasets, transforms


def fix_seeds(s):
    random.seed(s)
    np.random.seed(s)
    torch.manual_seed(s)
    torch.cuda.manual_seed_all(s)
    torch.backends.cudnn.benchmark = False


class SmallCNN(nn.Module):
    def __init__(self, n_classes=10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(),
            nn.Conv2d(32, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(),
            nn.Conv2d(64, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
            nn.Dropout(0.25),
        )
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(64 * 8 * 8, 256), nn.ReLU(),
                                        nn.Dropout(0.5), nn.Linear(256, n_classes))

    def forward(self, x):
        return self.classifier(self.features(x))


def predict(model, loader, device):
    model.train(False)
    ys, ps, loss_sum = [], [], 0.0
    with torch.inference_mode():
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            logits = model(x)
            loss_sum += F.cross_entropy(logits, y, reduction="sum").item()
            ys.append(y.cpu())
            ps.append(logits.argmax(1).cpu())
    y_true, y_pred = torch.cat(ys).numpy(), torch.cat(ps).numpy()
    return loss_sum / len(y_true), y_true, y_pred


def main(cfg_file="config.yaml"):
    cfg = yaml.safe_load(open(cfg_file))
    fix_seeds(cfg["seed"])
    dev = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    norm = transforms.Normalize((0.4377, 0.4438, 0.4728), (0.1980, 0.2010, 0.1970))
    train_tf = transforms.Compose([transforms.RandomCrop(32, padding=2), transforms.ToTensor(), norm])
    plain_tf = transforms.Compose([transforms.ToTensor(), norm])
    train_full = datasets.SVHN(cfg["data_root"], split="train", download=True, transform=train_tf)
    val_view = datasets.SVHN(cfg["data_root"], split="train", download=True, transform=plain_tf)
    test_set = datasets.SVHN(cfg["data_root"], split="test", download=True, transform=plain_tf)

    g = torch.Generator().manual_seed(cfg["seed"])
    perm = torch.randperm(len(train_full), generator=g)
    val_idx, tr_idx = perm[:cfg["val_size"]], perm[cfg["val_size"]:]
    train_loader = DataLoader(torch.utils.data.Subset(train_full, tr_idx), batch_size=cfg["micro_batch"],
                              shuffle=True, generator=g, num_workers=2)
    val_loader = DataLoader(torch.utils.data.Subset(val_view, val_idx), batch_size=512, num_workers=2)
    test_loader = DataLoader(test_set, batch_size=512, num_workers=2)

    model = SmallCNN().to(dev)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    ckpt = Path(cfg["ckpt"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    accum = cfg["accum_steps"]

    best, since_best = float("inf"), 0
    for epoch in range(cfg["max_epochs"]):
        model.train()
        opt.zero_grad(set_to_none=True)
        for step, (x, y) in enumerate(train_loader, start=1):
            x, y = x.to(dev), y.to(dev)
            loss = F.cross_entropy(model(x), y) / accum
            loss.backward()
            if step % accum == 0 or step == len(train_loader):
                opt.step()
                opt.zero_grad(set_to_none=True)

        val_loss, yv, pv = predict(model, val_loader, dev)
        print(f"epoch {epoch:02d} val_loss {val_loss:.4f} val_acc {accuracy_score(yv, pv):.4f} "
              f"val_macroF1 {f1_score(yv, pv, average='macro'):.4f}", flush=True)
        if val_loss < best:
            best, since_best = val_loss, 0
            torch.save({"epoch": epoch, "model": model.state_dict(), "val_loss": val_loss}, ckpt)
        else:
            since_best += 1
            if since_best >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(ckpt, map_location=dev)["model"])
    _, yt, pt = predict(model, test_loader, dev)
    majority = Counter(yv.tolist()).most_common(1)[0][0]
    print(f"TEST  acc {accuracy_score(yt, pt):.4f}  macro-F1 {f1_score(yt, pt, average='macro'):.4f}")
    print(f"majority-class baseline  acc {np.mean(yt == majority):.4f}  "
          f"macro-F1 {f1_score(yt, np.full_like(yt, majority), average='macro'):.4f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
