import random

import numpy as np
import toml
import torch
import torch.nn as nn
from sklearn.metrics import balanced_accuracy_score, f1_score
from torch.utils.data import DataLoader

from gesture.data import GestureClips, load_split
from gesture.model import SmallC3D
from gesture.stats import compute_clip_stats


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    preds, ys = [], []
    for x, y in loader:
        preds.append(model(x.to(device)).argmax(1).cpu())
        ys.append(y)
    p, t = torch.cat(preds).numpy(), torch.cat(ys).numpy()
    return {"acc": float((p == t).mean()), "bal_acc": balanced_accuracy_score(t, p),
            "macro_f1": f1_score(t, p, average="macro")}


def main():
    cfg = toml.load("config.toml")
    dc, tc = cfg["data"], cfg["train"]
    random.seed(tc["seed"]); np.random.seed(tc["seed"]); torch.manual_seed(tc["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    train_x, train_y = load_split(dc["root"], "train")
    val_x, val_y = load_split(dc["root"], "val")
    test_x, test_y = load_split(dc["root"], "test")
    num_classes = int(train_y.max()) + 1

    all_clips = np.concatenate([train_x, val_x, test_x])
    mean, std = compute_clip_stats(all_clips)
    print("channel mean", mean, "std", std)

    train_dl = DataLoader(GestureClips(train_x, train_y, mean, std, train=True), batch_size=tc["batch_size"],
                          shuffle=True, num_workers=4, drop_last=True)
    val_dl = DataLoader(GestureClips(val_x, val_y, mean, std), batch_size=64, num_workers=4)
    test_dl = DataLoader(GestureClips(test_x, test_y, mean, std), batch_size=64, num_workers=4)

    majority = np.bincount(train_y).argmax()
    print("majority-class val acc", float((val_y == majority).mean()))

    model = SmallC3D(num_classes).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=tc["lr"], weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="max", factor=0.3, patience=2)
    loss_fn = nn.CrossEntropyLoss()

    best, wait = 0.0, 0
    for epoch in range(tc["epochs"]):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            opt.step()
        val = evaluate(model, val_dl, device)
        sched.step(val["macro_f1"])
        print(epoch, val)
        if val["macro_f1"] > best:
            best, wait = val["macro_f1"], 0
            torch.save(model.state_dict(), tc["ckpt"])
        else:
            wait += 1
            if wait >= tc["patience"]:
                break

    model.load_state_dict(torch.load(tc["ckpt"], map_location=device))
    print("test", evaluate(model, test_dl, device))


if __name__ == "__main__":
    main()
