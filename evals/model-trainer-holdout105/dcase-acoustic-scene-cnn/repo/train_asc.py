"""Acoustic scene classification on TAU Urban Acoustic Scenes 2020 Mobile (DCASE Task 1A).

Uses the official evaluation_setup/fold1_{train,evaluate}.csv split, which keeps
recording locations disjoint. 10% of the training recording locations are held out for validation.
"""
import argparse
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torchaudio
from sklearn.metrics import accuracy_score, f1_score, log_loss
from torch.utils.data import DataLoader, Dataset

SCENES = ["airport", "bus", "metro", "metro_station", "park",
          "public_square", "shopping_mall", "street_pedestrian", "street_traffic", "tram"]


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


class SceneDataset(Dataset):
    def __init__(self, df, root, sr=44100):
        self.files = [Path(root) / f for f in df["filename"]]
        self.labels = df["scene_label"].map(SCENES.index).to_numpy()
        self.mel = torchaudio.transforms.MelSpectrogram(sr, n_fft=2048, hop_length=1024, n_mels=128)
        self.to_db = torchaudio.transforms.AmplitudeToDB(top_db=80)

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        wav, _ = torchaudio.load(self.files[i])
        spec = self.to_db(self.mel(wav.mean(dim=0, keepdim=True)))
        return spec, int(self.labels[i])


class SceneCNN(nn.Module):
    def __init__(self, n_classes=10):
        super().__init__()

        def block(ci, co, pool):
            return nn.Sequential(
                nn.Conv2d(ci, co, 5, padding=2), nn.BatchNorm2d(co), nn.ReLU(),
                nn.Conv2d(co, co, 3, padding=1), nn.BatchNorm2d(co), nn.ReLU(),
                nn.MaxPool2d(pool), nn.Dropout(0.3),
            )

        self.net = nn.Sequential(block(1, 32, (4, 4)), block(32, 64, (2, 4)), block(64, 128, (2, 2)))
        self.classifier = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(128, n_classes))

    def forward(self, x):
        return self.classifier(self.net(x))


def validate(model, loader, device):
    probs, targets = [], []
    with torch.no_grad():
        for xb, yb in loader:
            probs.append(torch.softmax(model(xb.to(device)), dim=1).cpu().numpy())
            targets.append(yb.numpy())
    probs, targets = np.concatenate(probs), np.concatenate(targets)
    preds = probs.argmax(axis=1)
    return {
        "logloss": log_loss(targets, probs, labels=list(range(len(SCENES)))),
        "accuracy": accuracy_score(targets, preds),
        "macro_f1": f1_score(targets, preds, average="macro"),
    }


def split_train_val(train_df, val_frac, seed):
    ids = train_df["filename"].str.rsplit("-", n=2).str[0].unique()
    rng = np.random.default_rng(seed)
    val_ids = set(rng.choice(ids, size=int(len(ids) * val_frac), replace=False))
    is_val = train_df["filename"].str.rsplit("-", n=2).str[0].isin(val_ids)
    return train_df[~is_val], train_df[is_val]


def main(args):
    seed_everything(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    setup = Path(args.root) / "evaluation_setup"
    train_df = pd.read_csv(setup / "fold1_train.csv", sep="\t")
    test_df = pd.read_csv(setup / "fold1_evaluate.csv", sep="\t")
    train_df, val_df = split_train_val(train_df, 0.1, args.seed)

    loaders = {
        name: DataLoader(SceneDataset(df, args.root), batch_size=args.batch_size,
                         shuffle=(name == "train"), num_workers=4)
        for name, df in [("train", train_df), ("val", val_df), ("test", test_df)]
    }
    model = SceneCNN().to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    criterion = nn.CrossEntropyLoss()

    best, bad = np.inf, 0
    for epoch in range(args.epochs):
        model.train()
        for xb, yb in loaders["train"]:
            xb, yb = xb.to(device), yb.to(device)
            optimizer.zero_grad()
            loss = criterion(model(xb), yb)
            loss.backward()
            optimizer.step()
        val_metrics = validate(model, loaders["val"], device)
        print(f"epoch {epoch}: {val_metrics}")
        if val_metrics["logloss"] < best:
            best, bad = val_metrics["logloss"], 0
            torch.save(model.state_dict(), args.out)
        else:
            bad += 1
            if bad >= args.patience:
                break

    model.load_state_dict(torch.load(args.out, map_location=device))
    print("test:", validate(model, loaders["test"], device))
    print("baseline (DCASE 2020 1A official): accuracy 0.515, logloss 1.405")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--root", default="TAU-urban-acoustic-scenes-2020-mobile-development")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--epochs", type=int, default=80)
    p.add_argument("--patience", type=int, default=10)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", default="asc_cnn_best.pt")
    main(p.parse_args())
