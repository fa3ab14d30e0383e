"""ESC-50: train on folds 1-3, early-stop on fold 4, report fold 5. Compares with an MFCC random forest."""
import argparse
import json
import random

import numpy as np
import torch
import torch.nn.functional as F
import torchaudio
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader

from esc.dataset import ESC50, SR
from esc.net import SpecAugCNN


def fix_seeds(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.inference_mode()
def infer(net, loader, device):
    net.train(False)
    ys, ps = [], []
    for spec, y in loader:
        ps.append(net(spec.to(device)).argmax(-1).cpu())
        ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(ps).numpy()


def train_step(net, opt, spec, y):
    net.zero_grad(set_to_none=True)
    loss = F.cross_entropy(net(spec), y, label_smoothing=0.1)
    loss.backward()
    opt.step()
    return loss.item()


def mfcc_table(ds):
    mfcc = torchaudio.transforms.MFCC(SR, n_mfcc=30)
    rows, ys = [], []
    for fname, target in zip(ds.meta.filename, ds.meta.target):
        wav, sr = torchaudio.load(ds.audio_dir / fname)
        m = mfcc(torchaudio.functional.resample(wav.mean(0), sr, SR))
        rows.append(torch.cat([m.mean(1), m.std(1)]).numpy())
        ys.append(target)
    return np.stack(rows), np.array(ys)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--root", default="ESC-50-master")
    p.add_argument("--epochs", type=int, default=120)
    p.add_argument("--patience", type=int, default=15)
    p.add_argument("--seed", type=int, default=31)
    a = p.parse_args()
    fix_seeds(a.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    train_ds, val_ds, test_ds = ESC50(a.root, [1, 2, 3]), ESC50(a.root, [4]), ESC50(a.root, [5])
    train_dl = DataLoader(train_ds, 32, shuffle=True, num_workers=4, drop_last=True)
    val_dl = DataLoader(val_ds, 64, num_workers=4)
    test_dl = DataLoader(test_ds, 64, num_workers=4)

    net = SpecAugCNN().to(device)
    opt = torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=5e-4)
    best, since_best = 0.0, 0
    for epoch in range(a.epochs):
        net.train()
        losses = [train_step(net, opt, s.to(device), y.to(device)) for s, y in train_dl]
        y_val, p_val = infer(net, val_dl, device)
        val_f1 = f1_score(y_val, p_val, average="macro")
        print(f"epoch {epoch:3d} loss {np.mean(losses):.3f} val acc {accuracy_score(y_val, p_val):.3f} macro-F1 {val_f1:.3f}")
        if val_f1 > best:
            best, since_best = val_f1, 0
            torch.save(net.state_dict(), "esc50_cnn.pt")
        else:
            since_best += 1
            if since_best >= a.patience:
                break

    net.load_state_dict(torch.load("esc50_cnn.pt", map_location=device))
    y_te, p_te = infer(net, test_dl, device)

    X_tr, y_tr = mfcc_table(train_ds)
    X_te, y_te_rf = mfcc_table(test_ds)
    rf = RandomForestClassifier(n_estimators=500, max_features="sqrt", random_state=a.seed, n_jobs=-1).fit(X_tr, y_tr)
    p_rf = rf.predict(X_te)

    out = {
        "cnn": {"accuracy": accuracy_score(y_te, p_te), "macro_f1": f1_score(y_te, p_te, average="macro")},
        "mfcc_rf": {"accuracy": accuracy_score(y_te_rf, p_rf), "macro_f1": f1_score(y_te_rf, p_rf, average="macro")},
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
