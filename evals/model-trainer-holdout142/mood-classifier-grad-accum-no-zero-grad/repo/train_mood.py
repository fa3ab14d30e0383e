"""Mood classifier (happy / sad / energetic / calm) for the radio mood-station generator.

Labels come from the editorial mood playlists; features are the audio-analysis
descriptors plus 20 MFCC means per track.
"""
import argparse

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

MOODS = ["happy", "sad", "energetic", "calm"]
AUDIO_COLS = ["danceability", "energy", "loudness", "speechiness", "acousticness",
              "instrumentalness", "liveness", "valence", "tempo"] + [f"mfcc_{i}_mean" for i in range(20)]


class MoodNet(nn.Module):
    def __init__(self, d_in, n_out, d_hidden=256, p=0.2):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(d_in, d_hidden), nn.LayerNorm(d_hidden), nn.GELU(), nn.Dropout(p),
            nn.Linear(d_hidden, d_hidden // 2), nn.GELU(), nn.Dropout(p),
            nn.Linear(d_hidden // 2, n_out),
        )

    def forward(self, x):
        return self.net(x)


@torch.no_grad()
def predict(model, dl):
    model.eval()
    return torch.cat([model(xb).argmax(1) for xb, _ in dl]).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/mood_tracks.csv")
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--accum-steps", type=int, default=4)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    np.random.seed(args.seed)

    df = pd.read_csv(args.csv).drop_duplicates("track_id")
    df = df[df["mood"].isin(MOODS)]
    X = df[AUDIO_COLS].to_numpy(np.float32)
    y = df["mood"].map({m: i for i, m in enumerate(MOODS)}).to_numpy()

    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=args.seed)
    X_tr, X_va, y_tr, y_va = train_test_split(X_tr, y_tr, test_size=0.125, stratify=y_tr, random_state=args.seed)
    sc = StandardScaler().fit(X_tr)
    mk = lambda a, b, s: DataLoader(TensorDataset(torch.tensor(sc.transform(a), dtype=torch.float32),
                                                  torch.tensor(b)), batch_size=args.batch_size, shuffle=s)
    dl_tr, dl_va, dl_te = mk(X_tr, y_tr, True), mk(X_va, y_va, False), mk(X_te, y_te, False)

    model = MoodNet(X.shape[1], len(MOODS))
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    loss_fn = nn.CrossEntropyLoss()

    best_f1, best_state = -1.0, None
    for epoch in range(args.epochs):
        model.train()
        for step, (xb, yb) in enumerate(dl_tr):
            loss = loss_fn(model(xb), yb) / args.accum_steps
            loss.backward()
            if (step + 1) % args.accum_steps == 0:
                opt.step()
        f1 = f1_score(y_va, predict(model, dl_va), average="macro")
        if f1 > best_f1:
            best_f1, best_state = f1, {k: v.clone() for k, v in model.state_dict().items()}
        print(f"epoch {epoch:02d}  val macro-F1 {f1:.3f}")

    model.load_state_dict(best_state)
    print(classification_report(y_te, predict(model, dl_te), target_names=MOODS, digits=3))
    torch.save(model.state_dict(), "mood_net.pt")


if __name__ == "__main__":
    main()
