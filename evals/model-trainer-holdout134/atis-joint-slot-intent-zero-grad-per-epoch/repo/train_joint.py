"""Joint intent detection + slot filling on ATIS (BIO tags), BiLSTM encoder."""
import argparse
import random

import numpy as np
import torch
import torch.nn as nn
from seqeval.metrics import f1_score as slot_f1
from torch.utils.data import DataLoader


def read_atis(path):
    """Each line: 'BOS w1 ... wn EOS\tO t1 ... tn intent' (MIT/ATIS .iob format)."""
    examples = []
    with open(path) as f:
        for line in f:
            words, tags = line.strip().split("\t")
            words = words.split()[1:-1]
            tags = tags.split()
            intent = tags[-1].split("#")[0]
            examples.append((words, tags[1:-1], intent))
    return examples


class JointBiLSTM(nn.Module):
    def __init__(self, n_words, n_slots, n_intents, emb=300, hidden=200, dropout=0.3):
        super().__init__()
        self.emb = nn.Embedding(n_words, emb, padding_idx=0)
        self.lstm = nn.LSTM(emb, hidden, batch_first=True, bidirectional=True)
        self.drop = nn.Dropout(dropout)
        self.slot_head = nn.Linear(2 * hidden, n_slots)
        self.intent_head = nn.Linear(2 * hidden, n_intents)

    def forward(self, x):
        h, _ = self.lstm(self.drop(self.emb(x)))
        h = self.drop(h)
        mask = (x != 0).unsqueeze(-1)
        sent = (h * mask).sum(1) / mask.sum(1).clamp(min=1)
        return self.slot_head(h), self.intent_head(sent)


class Trainer:
    def __init__(self, model, lr, device):
        self.model = model.to(device)
        self.device = device
        self.opt = torch.optim.AdamW(model.parameters(), lr=lr)
        self.slot_loss = nn.CrossEntropyLoss(ignore_index=-100)
        self.intent_loss = nn.CrossEntropyLoss()

    def train_epoch(self, loader):
        self.model.train()
        self.opt.zero_grad()
        running = 0.0
        for x, slots, intent in loader:
            x, slots, intent = x.to(self.device), slots.to(self.device), intent.to(self.device)
            slot_logits, intent_logits = self.model(x)
            loss = self.slot_loss(slot_logits.transpose(1, 2), slots) + self.intent_loss(intent_logits, intent)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
            self.opt.step()
            running += loss.item()
        return running / len(loader)

    @torch.no_grad()
    def predict(self, loader, id2slot, id2intent):
        self.model.eval()
        slot_pred, slot_gold, int_pred, int_gold = [], [], [], []
        for x, slots, intent in loader:
            slot_logits, intent_logits = self.model(x.to(self.device))
            sp = slot_logits.argmax(-1).cpu()
            for i in range(x.size(0)):
                keep = slots[i] != -100
                slot_pred.append([id2slot[j] for j in sp[i][keep].tolist()])
                slot_gold.append([id2slot[j] for j in slots[i][keep].tolist()])
            int_pred.extend(id2intent[j] for j in intent_logits.argmax(-1).cpu().tolist())
            int_gold.extend(id2intent[j] for j in intent.tolist())
        intent_acc = float(np.mean([p == g for p, g in zip(int_pred, int_gold)]))
        return slot_f1(slot_gold, slot_pred), intent_acc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", default="data/atis.train.iob")
    ap.add_argument("--dev", default="data/atis.dev.iob")
    ap.add_argument("--test", default="data/atis.test.iob")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train, dev, test = read_atis(args.train), read_atis(args.dev), read_atis(args.test)
    words = ["<pad>", "<unk>"] + sorted({w for ws, _, _ in train for w in ws})
    slots = sorted({t for _, ts, _ in train for t in ts})
    intents = sorted({i for _, _, i in train}) + ["<unk_intent>"]
    w2i, s2i, i2i = ({v: k for k, v in enumerate(lst)} for lst in (words, slots, intents))

    def encode(batch):
        L = max(len(ws) for ws, _, _ in batch)
        x = torch.zeros(len(batch), L, dtype=torch.long)
        y = torch.full((len(batch), L), -100, dtype=torch.long)
        for i, (ws, ts, _) in enumerate(batch):
            x[i, : len(ws)] = torch.tensor([w2i.get(w, 1) for w in ws])
            y[i, : len(ts)] = torch.tensor([s2i.get(t, s2i["O"]) for t in ts])
        it = torch.tensor([i2i.get(i, i2i["<unk_intent>"]) for _, _, i in batch])
        return x, y, it

    train_dl = DataLoader(train, batch_size=32, shuffle=True, collate_fn=encode)
    dev_dl = DataLoader(dev, batch_size=128, collate_fn=encode)
    test_dl = DataLoader(test, batch_size=128, collate_fn=encode)

    model = JointBiLSTM(len(words), len(slots), len(intents))
    trainer = Trainer(model, args.lr, device)
    best = -1.0
    for epoch in range(args.epochs):
        loss = trainer.train_epoch(train_dl)
        f1, acc = trainer.predict(dev_dl, slots, intents)
        print(f"epoch {epoch:02d} loss={loss:.4f} dev slot-F1={f1:.4f} intent-acc={acc:.4f}")
        if f1 > best:
            best = f1
            torch.save(model.state_dict(), "atis_joint_best.pt")

    model.load_state_dict(torch.load("atis_joint_best.pt", map_location=device))
    f1, acc = trainer.predict(test_dl, slots, intents)
    print(f"TEST slot-F1={f1:.4f} intent-acc={acc:.4f}")


if __name__ == "__main__":
    main()
