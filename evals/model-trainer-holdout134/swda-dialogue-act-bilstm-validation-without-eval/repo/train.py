"""Train a dialogue-act tagger on Switchboard (SwDA, 42 collapsed DAMSL tags)."""
import random
from collections import Counter

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader, Dataset

from model import UtteranceActTagger

SEED = 1234
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)
DEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")

df = pd.read_csv("data/swda_utterances.csv")  # conversation_no, utterance_index, caller, text, act_tag, split
df = df.sort_values(["conversation_no", "utterance_index"])
df["speaker_change"] = (df.groupby("conversation_no")["caller"].shift() != df["caller"]).astype(int)
df["tokens"] = df["text"].str.lower().str.findall(r"[\w']+|[?!.,]")

train_df, dev_df, test_df = (df[df["split"] == s] for s in ("train", "dev", "test"))

counts = Counter(t for toks in train_df["tokens"] for t in toks)
itos = ["<pad>", "<unk>"] + [w for w, c in counts.items() if c >= 2]
stoi = {w: i for i, w in enumerate(itos)}
acts = sorted(train_df["act_tag"].unique())
act2id = {a: i for i, a in enumerate(acts)}


class SwdaDataset(Dataset):
    def __init__(self, frame):
        self.ids = [[stoi.get(t, 1) for t in toks][:60] or [1] for toks in frame["tokens"]]
        self.spk = frame["speaker_change"].tolist()
        self.y = [act2id.get(a, act2id["sd"]) for a in frame["act_tag"]]

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.ids[i], self.spk[i], self.y[i]


def collate(batch):
    ids, spk, y = zip(*batch)
    lengths = torch.tensor([len(x) for x in ids])
    padded = nn.utils.rnn.pad_sequence([torch.tensor(x) for x in ids], batch_first=True)
    return padded, lengths, torch.tensor(spk), torch.tensor(y)


train_dl = DataLoader(SwdaDataset(train_df), batch_size=64, shuffle=True, collate_fn=collate)
dev_dl = DataLoader(SwdaDataset(dev_df), batch_size=256, collate_fn=collate)
test_dl = DataLoader(SwdaDataset(test_df), batch_size=256, collate_fn=collate)

model = UtteranceActTagger(len(itos), len(acts)).to(DEVICE)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
criterion = nn.CrossEntropyLoss()


def validate(loader):
    preds, gold = [], []
    with torch.no_grad():
        for tokens, lengths, spk, y in loader:
            logits = model(tokens.to(DEVICE), lengths, spk.to(DEVICE))
            preds.extend(logits.argmax(-1).cpu().tolist())
            gold.extend(y.tolist())
    return accuracy_score(gold, preds), f1_score(gold, preds, average="macro")


best_acc, patience = 0.0, 0
for epoch in range(1, 21):
    model.train()
    total = 0.0
    for tokens, lengths, spk, y in train_dl:
        optimizer.zero_grad()
        logits = model(tokens.to(DEVICE), lengths, spk.to(DEVICE))
        loss = criterion(logits, y.to(DEVICE))
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()
        total += loss.item() * y.size(0)

    dev_acc, dev_f1 = validate(dev_dl)
    print(f"epoch {epoch:2d}  train_loss {total / len(train_dl.dataset):.4f}  dev_acc {dev_acc:.4f}  dev_f1 {dev_f1:.4f}")
    if dev_acc > best_acc:
        best_acc, patience = dev_acc, 0
        torch.save(model.state_dict(), "swda_bilstm_best.pt")
    else:
        patience += 1
        if patience >= 3:
            break

model.load_state_dict(torch.load("swda_bilstm_best.pt", map_location=DEVICE))
test_acc, test_f1 = validate(test_dl)
print(f"TEST acc {test_acc:.4f}  macro-F1 {test_f1:.4f}")
