import random
from pathlib import Path

import numpy as np
import tomli
import torch
import torch.nn as nn
from sklearn.metrics import accuracy_score, top_k_accuracy_score
from torch.utils.data import DataLoader

from data import VoxIdentification, pad_collate, read_iden_split
from model import XVector


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    logits, labels = [], []
    for x, y in loader:
        logits.append(model(x.to(device)).cpu())
        labels.append(y)
    logits, labels = torch.cat(logits), torch.cat(labels)
    return {
        "top1": accuracy_score(labels, logits.argmax(1)),
        "top5": top_k_accuracy_score(labels, logits.numpy(), k=5, labels=np.arange(logits.shape[1])),
    }


def main():
    cfg = tomli.load(open("train.toml", "rb"))
    d, m, t = cfg["data"], cfg["model"], cfg["train"]
    random.seed(t["seed"])
    np.random.seed(t["seed"])
    torch.manual_seed(t["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    splits = {s: read_iden_split(d["iden_split"], s) for s in ("train", "val", "test")}
    speakers = sorted({e.split("/")[0] for e in splits["train"]})

    def loader(split, train):
        ds = VoxIdentification(d["wav_root"], splits[split], speakers, d["sample_rate"], d["crop_seconds"], train)
        bs = t["batch_size"] if train else 1
        return DataLoader(ds, batch_size=bs, shuffle=train, collate_fn=pad_collate, num_workers=8)

    train_dl, val_dl, test_dl = loader("train", True), loader("val", False), loader("test", False)
    model = XVector(len(speakers), channels=m["channels"], embed_dim=m["embed_dim"]).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=t["lr"], weight_decay=2e-5)
    criterion = nn.CrossEntropyLoss()

    Path(t["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)
    best, stale = 0.0, 0
    for epoch in range(t["epochs"]):
        model.train()
        optimizer.zero_grad()
        for step, (x, y) in enumerate(train_dl):
            x, y = x.to(device), y.to(device)
            loss = criterion(model(x), y) / t["accum_steps"]
            loss.backward()
            if (step + 1) % t["accum_steps"] == 0:
                optimizer.step()
        val = evaluate(model, val_dl, device)
        print(f"epoch {epoch}: last loss {loss.item() * t['accum_steps']:.3f} val top1 {val['top1']:.4f} top5 {val['top5']:.4f}")
        if val["top1"] > best:
            best, stale = val["top1"], 0
            torch.save(model.state_dict(), t["checkpoint"])
        else:
            stale += 1
            if stale >= t["patience"]:
                break

    model.load_state_dict(torch.load(t["checkpoint"], map_location=device))
    test = evaluate(model, test_dl, device)
    print(f"VoxCeleb1 identification test: top-1 {test['top1']:.4f}  top-5 {test['top5']:.4f}")


if __name__ == "__main__":
    main()
