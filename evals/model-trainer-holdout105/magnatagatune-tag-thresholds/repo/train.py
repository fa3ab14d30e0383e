"""Fully-convolutional auto-tagger for MagnaTagATune (top-50 tags)."""
import json
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader

from tagging.dataset import MelTagDataset, load_annotations, official_split
from tagging.metrics import best_f1_thresholds, tag_scores, thresholded_f1


class FCN(nn.Module):
    def __init__(self, n_tags):
        super().__init__()
        chans = [1, 64, 128, 128, 256]
        blocks = []
        for c_in, c_out in zip(chans[:-1], chans[1:]):
            blocks += [
                nn.Conv2d(c_in, c_out, 3, padding=1),
                nn.BatchNorm2d(c_out),
                nn.ELU(),
                nn.MaxPool2d((2, 4)),
            ]
        self.conv = nn.Sequential(*blocks)
        self.dropout = nn.Dropout(0.5)
        self.fc = nn.Linear(256, n_tags)

    def forward(self, x):
        h = self.conv(x)
        h = h.amax(dim=(2, 3))
        return self.fc(self.dropout(h))


@torch.no_grad()
def collect(model, loader, device):
    model.eval()
    probs, targets = [], []
    for xb, yb in loader:
        probs.append(torch.sigmoid(model(xb.to(device))).cpu().numpy())
        targets.append(yb.numpy())
    return np.concatenate(targets), np.concatenate(probs)


def main(cfg_path):
    cfg = json.loads(Path(cfg_path).read_text())
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df, tag_cols = load_annotations(cfg["annotations"])
    train_df, valid_df, test_df = official_split(df)
    mk = lambda d, train: MelTagDataset(d, tag_cols, cfg["mel_dir"], cfg["crop_frames"], train)
    train_dl = DataLoader(mk(train_df, True), batch_size=cfg["batch_size"], shuffle=True, num_workers=4)
    valid_dl = DataLoader(mk(valid_df, False), batch_size=cfg["batch_size"], num_workers=4)
    test_dl = DataLoader(mk(test_df, False), batch_size=cfg["batch_size"], num_workers=4)

    model = FCN(cfg["n_tags"]).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    criterion = nn.BCEWithLogitsLoss()
    ckpt = Path(cfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    best_auc, stale = 0.0, 0
    for epoch in range(cfg["epochs"]):
        model.train()
        for xb, yb in train_dl:
            xb, yb = xb.to(device), yb.to(device)
            optimizer.zero_grad()
            loss = criterion(model(xb), yb)
            loss.backward()
            optimizer.step()
        yv, pv = collect(model, valid_dl, device)
        val = tag_scores(yv, pv)
        print(f"epoch {epoch} loss {loss.item():.4f} val ROC-AUC {val['roc_auc_macro']:.4f} PR-AUC {val['pr_auc_macro']:.4f}")
        if val["roc_auc_macro"] > best_auc:
            best_auc, stale = val["roc_auc_macro"], 0
            torch.save(model.state_dict(), ckpt)
        else:
            stale += 1
            if stale >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    yt, pt = collect(model, test_dl, device)
    prior = np.tile(train_df[tag_cols].mean().to_numpy(), (len(yt), 1))
    print("popularity baseline:", tag_scores(yt, prior))
    print("test:", tag_scores(yt, pt))

    thresholds = best_f1_thresholds(yt, pt)
    print("test F1:", thresholded_f1(yt, pt, thresholds))
    np.save(ckpt.with_suffix(".thresholds.npy"), thresholds)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "config.json")
