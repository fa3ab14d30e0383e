"""Short-chunk CNN for MTG-Jamendo mood/theme auto-tagging (56 tags)."""
import argparse
import random
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import yaml
from torch.utils.data import DataLoader

from jamendo.data import ChunkDataset, read_split
from jamendo.metrics import f1_at, fit_tag_thresholds, ranking_scores


class ShortChunkCNN(nn.Module):
    def __init__(self, n_tags, n_mels=96):
        super().__init__()
        layers, c = [], 1
        for out in (64, 64, 128, 128, 256, 256, 512):
            layers += [nn.Conv2d(c, out, 3, padding=1), nn.BatchNorm2d(out), nn.ReLU(), nn.MaxPool2d(2)]
            c = out
        self.cnn = nn.Sequential(*layers)
        self.fc = nn.Sequential(nn.Linear(512, 512), nn.BatchNorm1d(512), nn.ReLU(), nn.Dropout(0.5), nn.Linear(512, n_tags))

    def forward(self, x):
        h = self.cnn(x).amax(dim=(2, 3))
        return self.fc(h)


@torch.no_grad()
def infer(model, dl, device):
    model.eval()
    Y, P = [], []
    for xb, yb in dl:
        P.append(torch.sigmoid(model(xb.to(device))).cpu().numpy())
        Y.append(yb.numpy())
    return np.concatenate(Y), np.concatenate(P)


def main(cfg):
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    tags = Path(cfg["tags_file"]).read_text().split()
    split_dir = Path(cfg["splits_dir"])
    data = {s: read_split(split_dir / f"autotagging_moodtheme-{s}.tsv", tags) for s in ("train", "validation", "test")}
    dl = {
        s: DataLoader(ChunkDataset(cfg["mel_dir"], *data[s], cfg["chunk_frames"], random_crop=(s == "train")),
                      batch_size=cfg["batch_size"], shuffle=(s == "train"), num_workers=4, drop_last=(s == "train"))
        for s in data
    }

    model = ShortChunkCNN(len(tags)).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    loss_fn = nn.BCEWithLogitsLoss()
    ckpt = Path(cfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    best, stale = -1.0, 0
    for epoch in range(cfg["epochs"]):
        model.train()
        for xb, yb in dl["train"]:
            xb, yb = xb.to(device), yb.to(device)
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
        Yv, Pv = infer(model, dl["validation"], device)
        val = ranking_scores(Yv, Pv)
        print(f"epoch {epoch}: {val}")
        if val["pr_auc"] > best:
            best, stale = val["pr_auc"], 0
            torch.save(model.state_dict(), ckpt)
        else:
            stale += 1
            if stale >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    Yv, Pv = infer(model, dl["validation"], device)
    thresholds = fit_tag_thresholds(Yv, Pv)

    Yt, Pt = infer(model, dl["test"], device)
    popularity = np.tile(data["train"][1].mean(axis=0), (len(Yt), 1))
    print("popularity baseline:", ranking_scores(Yt, popularity))
    print("short-chunk CNN:    ", ranking_scores(Yt, Pt), f1_at(Yt, Pt, thresholds))
    np.save(ckpt.with_suffix(".thresholds.npy"), thresholds)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    with open(ap.parse_args().config) as fh:
        main(yaml.safe_load(fh))
