import json

import pandas as pd
import torch
import torch.nn as nn
from sklearn.model_selection import GroupShuffleSplit
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader

from model import CharBiGRU
from utils import evaluate, seed_everything

CFG = json.load(open("config.json"))
gen = seed_everything(CFG["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

df = pd.read_parquet(CFG["data"]).dropna(subset=["description", "category"])
df["description"] = df["description"].str.lower().str.slice(0, CFG["max_chars"])
classes = sorted(df["category"].unique())
c2i = {c: i for i, c in enumerate(classes)}

gss = GroupShuffleSplit(n_splits=1, test_size=0.3, random_state=CFG["seed"])
tr, rest = next(gss.split(df, groups=df["customer_id"]))
rest_df = df.iloc[rest]
gss2 = GroupShuffleSplit(n_splits=1, test_size=0.5, random_state=CFG["seed"])
va, te = next(gss2.split(rest_df, groups=rest_df["customer_id"]))
parts = {"train": df.iloc[tr], "val": rest_df.iloc[va], "test": rest_df.iloc[te]}
vocab = {c: i + 2 for i, c in enumerate(sorted(set("".join(parts["train"]["description"]))))}   # 0 pad, 1 unk


def to_items(frame):
    return [(torch.tensor([vocab.get(ch, 1) for ch in d] or [1]), c2i[c])
            for d, c in zip(frame["description"], frame["category"])]


def collate(batch):
    seqs, ys = zip(*batch)
    return pad_sequence(seqs, batch_first=True), torch.tensor([len(s) for s in seqs]), torch.tensor(ys)


loaders = {
    k: DataLoader(to_items(v), batch_size=CFG["batch_size"], shuffle=(k == "train"),
                  collate_fn=collate, generator=gen if k == "train" else None)
    for k, v in parts.items()
}

model = CharBiGRU(len(vocab) + 2, len(classes), dropout=CFG["dropout"]).to(device)
opt = torch.optim.Adam(model.parameters(), lr=CFG["lr"])
crit = nn.CrossEntropyLoss()
best = -1.0

for epoch in range(CFG["epochs"]):
    model.train()
    for x, lengths, y in loaders["train"]:
        model.zero_grad(set_to_none=True)
        loss = crit(model(x.to(device), lengths), y.to(device))
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
    val_f1 = evaluate(model, loaders["val"], device)
    print(f"epoch {epoch}: val macro-F1 {val_f1:.4f}")
    if val_f1 > best:
        best = val_f1
        torch.save(model.state_dict(), "bigru_best.pt")

model.load_state_dict(torch.load("bigru_best.pt", map_location=device))
print(f"val {best:.4f} | test {evaluate(model, loaders['test'], device):.4f}")
