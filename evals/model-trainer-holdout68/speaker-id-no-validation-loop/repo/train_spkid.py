"""Closed-set speaker identification for the meeting-room enrolment set (52 enrolled staff).

Utterances come from the 2024 enrolment sessions (headset and table microphones).
"""
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torchaudio
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, top_k_accuracy_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

SEED = 99
EPOCHS = 25
MANIFEST = "data/enrolment/utterances.csv"

random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)

mfcc = torchaudio.transforms.MFCC(sample_rate=16000, n_mfcc=30,
                                  melkwargs={"n_fft": 400, "hop_length": 160, "n_mels": 64})


def utterance_feats(path, n_frames=300):
    wav, sr = torchaudio.load(path)
    wav = torchaudio.functional.resample(wav.mean(0, keepdim=True), sr, 16000)
    m = mfcc(wav).squeeze(0)
    m = m - m.mean(dim=1, keepdim=True)
    if m.shape[1] < n_frames:
        m = nn.functional.pad(m, (0, n_frames - m.shape[1]))
    return m[:, :n_frames]


class SpeakerCNN(nn.Module):
    def __init__(self, n_speakers, n_mfcc=30):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv1d(n_mfcc, 128, 5, padding=2), nn.BatchNorm1d(128), nn.ReLU(),
            nn.Conv1d(128, 128, 3, padding=2, dilation=2), nn.BatchNorm1d(128), nn.ReLU(),
            nn.Conv1d(128, 256, 3, padding=3, dilation=3), nn.BatchNorm1d(256), nn.ReLU(),
            nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Dropout(0.3),
            nn.Linear(256, n_speakers),
        )

    def forward(self, x):
        return self.net(x)


meta = pd.read_csv(MANIFEST)
meta["spk_idx"] = meta["speaker"].astype("category").cat.codes
X = torch.stack([utterance_feats(p) for p in meta["path"]])
y = torch.tensor(meta["spk_idx"].values, dtype=torch.long)
n_spk = int(y.max()) + 1

idx_train, idx_test = train_test_split(np.arange(len(y)), test_size=0.2, stratify=y.numpy(), random_state=SEED)
train_dl = DataLoader(TensorDataset(X[idx_train], y[idx_train]), batch_size=64, shuffle=True)
test_dl = DataLoader(TensorDataset(X[idx_test], y[idx_test]), batch_size=128)

device = "cuda" if torch.cuda.is_available() else "cpu"
model = SpeakerCNN(n_spk).to(device)
opt = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-4)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=10, gamma=0.3)
loss_fn = nn.CrossEntropyLoss(label_smoothing=0.1)

for epoch in range(EPOCHS):
    model.train()
    epoch_loss = 0.0
    for xb, yb in train_dl:
        xb, yb = xb.to(device), yb.to(device)
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        epoch_loss += loss.item() * len(xb)
    sched.step()
    print(f"epoch {epoch + 1}/{EPOCHS} train loss {epoch_loss / len(idx_train):.4f}")

model.eval()
probs = []
with torch.no_grad():
    for xb, _ in test_dl:
        probs.append(torch.softmax(model(xb.to(device)), dim=1).cpu())
probs = torch.cat(probs).numpy()
y_test = y[idx_test].numpy()
pred = probs.argmax(1)

pooled = X.mean(dim=2).numpy()
baseline = LogisticRegression(max_iter=3000).fit(pooled[idx_train], y[idx_train].numpy())
base_pred = baseline.predict(pooled[idx_test])

print(f"CNN      acc {accuracy_score(y_test, pred):.4f}  macro-F1 {f1_score(y_test, pred, average='macro'):.4f}  "
      f"top-5 {top_k_accuracy_score(y_test, probs, k=5, labels=np.arange(n_spk)):.4f}")
print(f"baseline acc {accuracy_score(y_test, base_pred):.4f}  macro-F1 {f1_score(y_test, base_pred, average='macro'):.4f}")
torch.save(model.state_dict(), "spkid_cnn_final.pt")
