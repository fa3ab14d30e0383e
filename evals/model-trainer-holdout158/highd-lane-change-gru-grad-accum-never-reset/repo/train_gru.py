"""Lane-change maneuver classifier (keep / left / right within 2 s) on highD tracks.

Sequences come from prepare_highd.py: 25 Hz tracks downsampled to 5 Hz, 3 s history (15 steps) per sample.
Recordings are split by id (different days/locations), never by sample.
"""
import argparse
import random

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import classification_report, f1_score
from torch.utils.data import DataLoader, TensorDataset

FEATS = ["xVelocity", "yVelocity", "xAcceleration", "yAcceleration", "laneOffset",
         "dhw", "thw", "precedingXVelocity", "leftFollowingGap", "rightFollowingGap"]
TRAIN_REC, VAL_REC, TEST_REC = range(1, 46), range(46, 53), range(53, 61)


def load(recs, path):
    z = np.load(path)
    m = np.isin(z["recording_id"], list(recs))
    return TensorDataset(torch.from_numpy(z["X"][m]).float(), torch.from_numpy(z["y"][m]).long())


class ManeuverGRU(nn.Module):
    def __init__(self, n_in=len(FEATS), hidden=96, n_cls=3, p=0.3):
        super().__init__()
        self.norm = nn.LayerNorm(n_in)
        self.gru = nn.GRU(n_in, hidden, num_layers=2, batch_first=True, dropout=p)
        self.fc = nn.Sequential(nn.Dropout(p), nn.Linear(hidden, n_cls))

    def forward(self, x):
        out, _ = self.gru(self.norm(x))
        return self.fc(out[:, -1])


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    ys, ps = [], []
    for x, y in loader:
        ps.append(model(x.to(device)).argmax(1).cpu())
        ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(ps).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/highd_seq_5hz.npz")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--micro_bs", type=int, default=64)
    ap.add_argument("--accum", type=int, default=4)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    train_dl = DataLoader(load(TRAIN_REC, args.data), batch_size=args.micro_bs, shuffle=True)
    val_dl = DataLoader(load(VAL_REC, args.data), batch_size=1024)
    test_dl = DataLoader(load(TEST_REC, args.data), batch_size=1024)

    model = ManeuverGRU().to(device)
    # lane changes are ~6% of samples each side
    crit = nn.CrossEntropyLoss(weight=torch.tensor([0.2, 1.0, 1.0], device=device))
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr)

    best_f1, best_state = -1.0, None
    opt.zero_grad()
    for epoch in range(args.epochs):
        model.train()
        for step, (x, y) in enumerate(train_dl):
            loss = crit(model(x.to(device)), y.to(device)) / args.accum
            loss.backward()
            if (step + 1) % args.accum == 0:
                nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                opt.step()
        y_val, p_val = predict(model, val_dl, device)
        f1 = f1_score(y_val, p_val, average="macro")
        print(f"epoch {epoch:02d} val macro-F1 {f1:.4f}")
        if f1 > best_f1:
            best_f1 = f1
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}

    model.load_state_dict(best_state)
    y_test, p_test = predict(model, test_dl, device)
    print(classification_report(y_test, p_test, target_names=["keep", "left", "right"], digits=3))
    torch.save(best_state, "maneuver_gru.pt")


if __name__ == "__main__":
    main()
