"""LSTM sentiment classifier for in-app feedback (1-5 stars -> neg / neu / pos).

Long reviews force a small per-step batch on our 8 GB cards, so gradients are accumulated
over ACCUM_STEPS mini-batches (effective batch = 16 * 4 = 64).
"""
import random
import re
from collections import Counter

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader

SEED = 12
BATCH, ACCUM_STEPS, EPOCHS, MAX_TOKENS = 16, 4, 8, 600

random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def stars_to_class(s):
    return 0 if s <= 2 else (1 if s == 3 else 2)


df = pd.read_csv("data/in_app_feedback.csv", usecols=["feedback_id", "user_id", "stars", "comment"])
df = df.dropna(subset=["comment"])
df["tokens"] = df["comment"].str.lower().map(lambda t: re.findall(r"[a-z']+|[!?]", t)[:MAX_TOKENS])
df = df[df["tokens"].map(len) > 0]
df["y"] = df["stars"].map(stars_to_class)

train_df, test_df = train_test_split(df, test_size=0.15, stratify=df["y"], random_state=SEED)
train_df, val_df = train_test_split(train_df, test_size=0.15, stratify=train_df["y"], random_state=SEED)

counts = Counter(t for toks in train_df["tokens"] for t in toks)
itos = ["<pad>", "<unk>"] + [w for w, c in counts.items() if c >= 3]
stoi = {w: i for i, w in enumerate(itos)}


def encode(frame):
    return [(torch.tensor([stoi.get(t, 1) for t in toks]), y) for toks, y in zip(frame["tokens"], frame["y"])]


def collate(batch):
    seqs, ys = zip(*batch)
    return pad_sequence(seqs, batch_first=True), torch.tensor([len(s) for s in seqs]), torch.tensor(ys)


train_dl = DataLoader(encode(train_df), batch_size=BATCH, shuffle=True, collate_fn=collate)
val_dl = DataLoader(encode(val_df), batch_size=128, collate_fn=collate)
test_dl = DataLoader(encode(test_df), batch_size=128, collate_fn=collate)


class LSTMClassifier(nn.Module):
    def __init__(self, vocab, dim=128, hidden=192, n_cls=3, p=0.35):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim, padding_idx=0)
        self.lstm = nn.LSTM(dim, hidden, batch_first=True, bidirectional=True)
        self.drop = nn.Dropout(p)
        self.out = nn.Linear(2 * hidden, n_cls)

    def forward(self, x, lengths):
        h, _ = self.lstm(self.emb(x))
        mask = (torch.arange(x.size(1), device=x.device)[None, :] < lengths.to(x.device)[:, None]).unsqueeze(-1)
        pooled = (h * mask).sum(1) / mask.sum(1)
        return self.out(self.drop(pooled))


@torch.no_grad()
def predict(model, loader):
    model.eval()
    preds, gold = [], []
    for x, lengths, y in loader:
        preds.append(model(x.to(device), lengths).argmax(1).cpu())
        gold.append(y)
    return torch.cat(gold).numpy(), torch.cat(preds).numpy()


model = LSTMClassifier(len(itos)).to(device)
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.CrossEntropyLoss()

best_f1, best_state = -1.0, None
for epoch in range(EPOCHS):
    model.train()
    opt.zero_grad()
    for step, (x, lengths, y) in enumerate(train_dl, start=1):
        loss = loss_fn(model(x.to(device), lengths), y.to(device)) / ACCUM_STEPS
        loss.backward()
        if step % ACCUM_STEPS == 0 or step == len(train_dl):
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            opt.zero_grad()

    y_val, p_val = predict(model, val_dl)
    f1 = f1_score(y_val, p_val, average="macro")
    print(f"epoch {epoch + 1}: val macro-F1 {f1:.4f}")
    if f1 > best_f1:
        best_f1 = f1
        best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}

model.load_state_dict(best_state)
y_test, p_test = predict(model, test_dl)
print(classification_report(y_test, p_test, target_names=["neg", "neu", "pos"], digits=3))
torch.save({"state_dict": best_state, "itos": itos}, "lstm_feedback.pt")
