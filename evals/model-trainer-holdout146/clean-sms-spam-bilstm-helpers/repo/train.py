import copy

import pandas as pd
import torch
import torch.nn as nn
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

from utils import PAD, build_vocab, encode, evaluate, seed_everything

CFG = dict(seed=3, max_len=60, emb=100, hidden=64, dropout=0.3, lr=2e-3, batch=64, epochs=15, patience=3)


class BiLSTM(nn.Module):
    def __init__(self, vocab_size, emb, hidden, dropout):
        super().__init__()
        self.emb = nn.Embedding(vocab_size, emb, padding_idx=PAD)
        self.lstm = nn.LSTM(emb, hidden, batch_first=True, bidirectional=True)
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(2 * hidden, 1)

    def forward(self, x):
        h, _ = self.lstm(self.emb(x))
        mask = (x != PAD).unsqueeze(-1)
        pooled = (h * mask).sum(1) / mask.sum(1).clamp(min=1)
        return self.out(self.drop(pooled)).squeeze(-1)


seed_everything(CFG["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

df = pd.read_csv("data/SMSSpamCollection", sep="\t", names=["label", "text"], quoting=3).drop_duplicates("text")
df["y"] = (df["label"] == "spam").astype(float)
train_df, test_df = train_test_split(df, test_size=0.2, stratify=df["y"], random_state=CFG["seed"])
train_df, val_df = train_test_split(train_df, test_size=0.125, stratify=train_df["y"], random_state=CFG["seed"])

vocab = build_vocab(train_df["text"])


def loader(frame, shuffle):
    ds = TensorDataset(encode(frame["text"].tolist(), vocab, CFG["max_len"]), torch.tensor(frame["y"].values, dtype=torch.float))
    return DataLoader(ds, batch_size=CFG["batch"], shuffle=shuffle)


train_dl, val_dl, test_dl = loader(train_df, True), loader(val_df, False), loader(test_df, False)

model = BiLSTM(len(vocab) + 2, CFG["emb"], CFG["hidden"], CFG["dropout"]).to(device)
pos_weight = torch.tensor((1 - train_df["y"].mean()) / train_df["y"].mean(), device=device)
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
opt = torch.optim.Adam(model.parameters(), lr=CFG["lr"])

best_f1, best_state, bad_epochs = -1.0, None, 0
for epoch in range(1, CFG["epochs"] + 1):
    model.train()
    for xb, yb in train_dl:
        xb, yb = xb.to(device), yb.to(device)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)

    val = evaluate(model, val_dl, device)
    print(f"epoch {epoch:02d} loss {loss.item():.4f} val {val}")
    if val["f1"] > best_f1:
        best_f1, best_state, bad_epochs = val["f1"], copy.deepcopy(model.state_dict()), 0
    else:
        bad_epochs += 1
        if bad_epochs >= CFG["patience"]:
            print("early stop")
            break

model.load_state_dict(best_state)
print("test:", evaluate(model, test_dl, device))
torch.save({"state_dict": best_state, "vocab": vocab, "cfg": CFG}, "sms_bilstm.pt")
