"""Kim-style CNN over radiology report impressions -> follow-up recommendation type.

Classes: 0 = none, 1 = imaging follow-up, 2 = clinical/specialist follow-up.
Randomly initialised embeddings; small GPU, hence gradient accumulation.
"""
import re
from collections import Counter

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader, TensorDataset

SEED, MAX_LEN, BATCH, ACCUM_STEPS, EPOCHS, LR = 11, 200, 16, 4, 12, 1e-3
torch.manual_seed(SEED)
np.random.seed(SEED)
device = "cuda" if torch.cuda.is_available() else "cpu"

TOKEN_RE = re.compile(r"[a-z]+|\d+(?:\.\d+)?|[<>=]")


def tokenize(text):
    return TOKEN_RE.findall(text.lower())


df = pd.read_csv("data/impressions_followup.csv")
gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
dev_idx, test_idx = next(gss.split(df, groups=df["patient_id"]))
dev, test = df.iloc[dev_idx], df.iloc[test_idx]
gss_val = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=SEED)
tr_idx, val_idx = next(gss_val.split(dev, groups=dev["patient_id"]))
train, val = dev.iloc[tr_idx], dev.iloc[val_idx]

counts = Counter(tok for t in train["impression"] for tok in tokenize(t))
itos = ["<pad>", "<unk>"] + [w for w, c in counts.most_common() if c >= 2]
stoi = {w: i for i, w in enumerate(itos)}


def encode(texts):
    ids = np.zeros((len(texts), MAX_LEN), dtype=np.int64)
    for row, t in enumerate(texts):
        toks = [stoi.get(w, 1) for w in tokenize(t)][:MAX_LEN]
        ids[row, : len(toks)] = toks
    return torch.from_numpy(ids)


def loader(frame, shuffle):
    ds = TensorDataset(encode(frame["impression"].tolist()), torch.tensor(frame["followup_type"].values))
    return DataLoader(ds, batch_size=BATCH, shuffle=shuffle)


train_loader, val_loader, test_loader = loader(train, True), loader(val, False), loader(test, False)


class TextCNN(nn.Module):
    def __init__(self, vocab_size, emb_dim=200, n_filters=128, kernel_sizes=(2, 3, 4, 5), n_classes=3):
        super().__init__()
        self.emb = nn.Embedding(vocab_size, emb_dim, padding_idx=0)
        self.convs = nn.ModuleList(nn.Conv1d(emb_dim, n_filters, k) for k in kernel_sizes)
        self.dropout = nn.Dropout(0.5)
        self.fc = nn.Linear(n_filters * len(kernel_sizes), n_classes)

    def forward(self, x):
        e = self.emb(x).transpose(1, 2)
        pooled = [torch.relu(c(e)).max(dim=2).values for c in self.convs]
        return self.fc(self.dropout(torch.cat(pooled, dim=1)))


model = TextCNN(len(itos)).to(device)
class_counts = np.bincount(train["followup_type"], minlength=3)
weights = torch.tensor(class_counts.sum() / (3 * class_counts), dtype=torch.float, device=device)
criterion = nn.CrossEntropyLoss(weight=weights)
optimizer = torch.optim.Adam(model.parameters(), lr=LR)


def predict(data_loader):
    model.eval()
    out = []
    with torch.no_grad():
        for x, _ in data_loader:
            out.append(model(x.to(device)).argmax(1).cpu())
    return torch.cat(out).numpy()


best_val = 0.0
optimizer.zero_grad()
for epoch in range(EPOCHS):
    model.train()
    for step, (x, y) in enumerate(train_loader):
        logits = model(x.to(device))
        loss = criterion(logits, y.to(device)) / ACCUM_STEPS
        loss.backward()
        if (step + 1) % ACCUM_STEPS == 0:
            nn.utils.clip_grad_norm_(model.parameters(), 3.0)
            optimizer.step()
    val_f1 = f1_score(val["followup_type"], predict(val_loader), average="macro")
    print(f"epoch {epoch:02d} val macro-F1 {val_f1:.4f}")
    if val_f1 > best_val:
        best_val = val_f1
        torch.save(model.state_dict(), "textcnn_best.pt")

model.load_state_dict(torch.load("textcnn_best.pt"))
print(classification_report(test["followup_type"], predict(test_loader),
                            target_names=["none", "imaging", "clinical"], digits=3))
