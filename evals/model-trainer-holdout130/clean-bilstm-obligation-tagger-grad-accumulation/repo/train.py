import json
import os

import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import classification_report, f1_score
from torch.utils.data import DataLoader, TensorDataset

from clf.model import DeonticBiLSTM
from clf.utils import build_vocab, encode, seed_everything

cfg = json.load(open("config.json"))
seed_everything(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
label2id = {l: i for i, l in enumerate(cfg["labels"])}

# sentence files come from scripts/make_splits.py (split by contract_id)
train_df, dev_df, test_df = (pd.read_csv(cfg[k]) for k in ("train_path", "dev_path", "test_path"))
vocab = build_vocab(train_df["sentence"], cfg["min_freq"])
print(f"vocab {len(vocab)} | train {len(train_df)} dev {len(dev_df)} test {len(test_df)}")


def to_tensors(df):
    enc = [encode(s, vocab, cfg["max_len"]) for s in df["sentence"]]
    ids = torch.tensor([e[0] for e in enc])
    lens = torch.tensor([e[1] for e in enc])
    y = torch.tensor(df["label"].map(label2id).to_numpy())
    return TensorDataset(ids, lens, y)


train_dl = DataLoader(to_tensors(train_df), batch_size=cfg["batch_size"], shuffle=True)
dev_dl = DataLoader(to_tensors(dev_df), batch_size=256)
test_dl = DataLoader(to_tensors(test_df), batch_size=256)

model = DeonticBiLSTM(len(vocab), len(label2id), cfg["emb_dim"], cfg["hidden"], cfg["dropout"]).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
counts = train_df["label"].map(label2id).value_counts().sort_index()
weights = torch.tensor((counts.sum() / (len(counts) * counts)).to_numpy(), dtype=torch.float, device=device)
loss_fn = nn.CrossEntropyLoss(weight=weights)


@torch.no_grad()
def predict(loader):
    model.eval()
    preds, gold = [], []
    for ids, lens, y in loader:
        logits = model(ids.to(device), lens)
        preds += logits.argmax(-1).cpu().tolist()
        gold += y.tolist()
    return gold, preds


os.makedirs(os.path.dirname(cfg["ckpt"]), exist_ok=True)
best_f1, accum = -1.0, cfg["accum_steps"]
for epoch in range(cfg["epochs"]):
    model.train()
    optimizer.zero_grad()
    for step, (ids, lens, y) in enumerate(train_dl, start=1):
        loss = loss_fn(model(ids.to(device), lens), y.to(device)) / accum
        loss.backward()
        if step % accum == 0 or step == len(train_dl):
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimizer.step()
            optimizer.zero_grad()
    gold, preds = predict(dev_dl)
    dev_f1 = f1_score(gold, preds, average="macro")
    print(f"epoch {epoch + 1}: dev macro-F1 {dev_f1:.4f}")
    if dev_f1 > best_f1:
        best_f1 = dev_f1
        torch.save(model.state_dict(), cfg["ckpt"])

model.load_state_dict(torch.load(cfg["ckpt"], map_location=device))
gold, preds = predict(test_dl)
print(f"best dev macro-F1 {best_f1:.4f}")
print(classification_report(gold, preds, target_names=cfg["labels"], digits=3))
