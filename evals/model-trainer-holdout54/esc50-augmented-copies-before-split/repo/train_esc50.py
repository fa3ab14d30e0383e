"""ESC-50 environmental sound classifier: log-mel CNN with offline augmentation."""
import os

import librosa
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

from augment import make_variants

ESC_ROOT = os.environ.get("ESC50_ROOT", "data/ESC-50-master")
SR = 22050
N_MELS = 64
SEED = 17

rng = np.random.default_rng(SEED)
torch.manual_seed(SEED)


def log_mel(y):
    mel = librosa.feature.melspectrogram(y=y, sr=SR, n_fft=1024, hop_length=512, n_mels=N_MELS)
    return librosa.power_to_db(mel, ref=np.max).astype(np.float32)


def build_dataset(meta, n_variants=3):
    feats, labels = [], []
    for row in meta.itertuples():
        y, _ = librosa.load(os.path.join(ESC_ROOT, "audio", row.filename), sr=SR)
        feats.append(log_mel(y))
        labels.append(row.target)
        for y_aug in make_variants(y, SR, rng, n_variants):
            feats.append(log_mel(y_aug))
            labels.append(row.target)
    return np.stack(feats)[:, None], np.array(labels)


class SoundCNN(nn.Module):
    def __init__(self, n_classes=50):
        super().__init__()
        layers, c_in = [], 1
        for c_out in (32, 64, 128, 128):
            layers += [nn.Conv2d(c_in, c_out, 3, padding=1), nn.BatchNorm2d(c_out), nn.ReLU(), nn.MaxPool2d(2)]
            c_in = c_out
        self.body = nn.Sequential(*layers)
        self.head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.4), nn.Linear(128, n_classes))

    def forward(self, x):
        return self.head(self.body(x))


def run_epoch(model, loader, criterion, optimizer=None):
    train = optimizer is not None
    model.train(train)
    total, preds, targets = 0.0, [], []
    with torch.set_grad_enabled(train):
        for x, y in loader:
            logits = model(x)
            loss = criterion(logits, y)
            if train:
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            total += loss.item() * len(y)
            preds.append(logits.argmax(1))
            targets.append(y)
    preds, targets = torch.cat(preds).numpy(), torch.cat(targets).numpy()
    return total / len(targets), preds, targets


def main():
    meta = pd.read_csv(os.path.join(ESC_ROOT, "meta", "esc50.csv"))
    X, y = build_dataset(meta)
    X_trval, X_test, y_trval, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    X_train, X_val, y_train, y_val = train_test_split(
        X_trval, y_trval, test_size=0.15, stratify=y_trval, random_state=SEED)

    def loader(a, b, shuffle):
        return DataLoader(TensorDataset(torch.from_numpy(a), torch.from_numpy(b)), batch_size=64, shuffle=shuffle)

    train_dl, val_dl, test_dl = loader(X_train, y_train, True), loader(X_val, y_val, False), loader(X_test, y_test, False)
    model = SoundCNN()
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

    best_val, patience, wait = float("inf"), 8, 0
    for epoch in range(80):
        tr_loss, _, _ = run_epoch(model, train_dl, criterion, optimizer)
        val_loss, vp, vt = run_epoch(model, val_dl, criterion)
        print(f"{epoch:3d} train {tr_loss:.3f} val {val_loss:.3f} val_acc {accuracy_score(vt, vp):.3f}")
        if val_loss < best_val:
            best_val, wait = val_loss, 0
            torch.save(model.state_dict(), "esc50_cnn_best.pt")
        else:
            wait += 1
            if wait >= patience:
                break

    model.load_state_dict(torch.load("esc50_cnn_best.pt"))
    _, tp, tt = run_epoch(model, test_dl, criterion)
    print(f"test accuracy {accuracy_score(tt, tp):.4f}  macro-F1 {f1_score(tt, tp, average='macro'):.4f}")
    print(f"chance level {1 / 50:.4f}")


if __name__ == "__main__":
    main()
