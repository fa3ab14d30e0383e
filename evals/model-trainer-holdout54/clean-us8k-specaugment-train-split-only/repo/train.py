import random
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import accuracy_score, classification_report, f1_score
from torch.utils.data import DataLoader

from us8k.dataset import SpecAugment, UrbanSoundFolds
from us8k.model import SB_CNN


@torch.inference_mode()
def predict(model, loader, device):
    model.eval()
    ys, ps = [], []
    for x, y in loader:
        ps.append(model(x.to(device)).argmax(1).cpu())
        ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(ps).numpy()


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    d, a, t = cfg["data"], cfg["augment"], cfg["train"]

    spec_aug = SpecAugment(a["freq_mask"], a["time_mask"], a["n_masks"])
    train_ds = UrbanSoundFolds(d["root"], d["train_folds"], d["sample_rate"], d["clip_seconds"],
                               augment=spec_aug, gain_db=a["gain_db"])
    val_ds = UrbanSoundFolds(d["root"], d["val_folds"], d["sample_rate"], d["clip_seconds"])
    test_ds = UrbanSoundFolds(d["root"], d["test_folds"], d["sample_rate"], d["clip_seconds"])

    train_dl = DataLoader(train_ds, batch_size=t["batch_size"], shuffle=True, num_workers=8,
                          generator=torch.Generator().manual_seed(cfg["seed"]))
    val_dl = DataLoader(val_ds, batch_size=128, num_workers=8)
    test_dl = DataLoader(test_ds, batch_size=128, num_workers=8)

    model = SB_CNN().to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=t["lr"])
    criterion = nn.CrossEntropyLoss()
    Path(t["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)

    best, stale = -1.0, 0
    for epoch in range(t["epochs"]):
        model.train()
        epoch_loss = 0.0
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
            epoch_loss += loss.item() * len(y)
        yv, pv = predict(model, val_dl, device)
        val_f1 = f1_score(yv, pv, average="macro")
        print(f"epoch {epoch:02d} train loss {epoch_loss / len(train_ds):.4f} "
              f"val acc {accuracy_score(yv, pv):.4f} val macro-F1 {val_f1:.4f}")
        if val_f1 > best:
            best, stale = val_f1, 0
            torch.save({"epoch": epoch, "model": model.state_dict()}, t["checkpoint"])
        else:
            stale += 1
            if stale >= t["patience"]:
                break

    state = torch.load(t["checkpoint"], map_location=device)
    model.load_state_dict(state["model"])
    yt, pt = predict(model, test_dl, device)
    majority = train_ds.meta["classID"].mode()[0]
    print(f"majority-class baseline (fold 10): acc {np.mean(yt == majority):.4f}")
    print(f"SB-CNN (epoch {state['epoch']}) fold 10: acc {accuracy_score(yt, pt):.4f} "
          f"macro-F1 {f1_score(yt, pt, average='macro'):.4f}")
    print(classification_report(yt, pt, digits=3))


if __name__ == "__main__":
    main()
