"""Inter-patient heartbeat classification (MIT-BIH, AAMI N/S/V/F).

Train on DS1, validate on 4 held-out DS1 records, test on DS2.
Beats are very skewed: roughly 90% N, ~3% S, ~7% V and under 1% F.
"""
import logging
import random

import numpy as np
import torch
import torch.nn as nn
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score
from torch.utils.data import DataLoader, TensorDataset

from ecg.beats import CLASSES, DS1, DS2, load_records

logging.basicConfig(level=logging.INFO, format="%(message)s")
log = logging.getLogger("ecg")
VAL_RECORDS = [203, 208, 215, 230]


class BeatCNN(nn.Module):
    def __init__(self, n_rr=3, n_classes=len(CLASSES)):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv1d(1, 32, 7, padding=3), nn.BatchNorm1d(32), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(32, 64, 5, padding=2), nn.BatchNorm1d(64), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(64, 64, 5, padding=2), nn.BatchNorm1d(64), nn.ReLU(), nn.AdaptiveAvgPool1d(1),
        )
        self.head = nn.Sequential(nn.Linear(64 + n_rr, 64), nn.ReLU(), nn.Dropout(0.3), nn.Linear(64, n_classes))

    def forward(self, wave, rr):
        return self.head(torch.cat([self.conv(wave.unsqueeze(1)).squeeze(-1), rr], dim=1))


def predict(model, wave, rr, device):
    model.eval()
    with torch.no_grad():
        logits = model(torch.from_numpy(wave).to(device), torch.from_numpy(rr).to(device))
    return logits.argmax(1).cpu().numpy()


def report(name, y_true, y_pred):
    acc = accuracy_score(y_true, y_pred)
    log.info("%-14s accuracy = %.4f", name, acc)
    return acc


def main():
    random.seed(5)
    np.random.seed(5)
    torch.manual_seed(5)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    fit_ids = [r for r in DS1 if r not in VAL_RECORDS]
    w_tr, rr_tr, y_tr, _ = load_records(fit_ids)
    w_va, rr_va, y_va, _ = load_records(VAL_RECORDS)
    w_te, rr_te, y_te, _ = load_records(DS2)
    log.info("train beats per class: %s", dict(zip(CLASSES, np.bincount(y_tr, minlength=4))))
    log.info("test  beats per class: %s", dict(zip(CLASSES, np.bincount(y_te, minlength=4))))

    rf = RandomForestClassifier(n_estimators=300, min_samples_leaf=2, n_jobs=-1, random_state=5)
    rf.fit(rr_tr, y_tr)

    model = BeatCNN().to(device)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    dl = DataLoader(TensorDataset(*map(torch.from_numpy, (w_tr, rr_tr, y_tr))), batch_size=256, shuffle=True)
    best, wait = 0.0, 0
    for epoch in range(50):
        model.train()
        for wave, rr, y in dl:
            wave, rr, y = wave.to(device), rr.to(device), y.to(device)
            opt.zero_grad()
            loss = loss_fn(model(wave, rr), y)
            loss.backward()
            opt.step()
        val_acc = accuracy_score(y_va, predict(model, w_va, rr_va, device))
        log.info("epoch %d val acc %.4f", epoch, val_acc)
        if val_acc > best:
            best, wait = val_acc, 0
            torch.save(model.state_dict(), "beatcnn.pt")
        else:
            wait += 1
            if wait == 5:
                break

    model.load_state_dict(torch.load("beatcnn.pt"))
    report("rf_rr_baseline", y_te, rf.predict(rr_te))
    report("beat_cnn", y_te, predict(model, w_te, rr_te, device))


if __name__ == "__main__":
    main()
