"""Train a BiLSTM-CRF slot filler on SNIPS (CoNLL-style BIO files)."""
import sys

import torch
from seqeval.metrics import classification_report, f1_score
from torch.utils.data import DataLoader

from slotfill.data import build_vocab, make_collate, read_conll
from slotfill.model import BiLSTMCRF
from slotfill.utils import load_config, seed_everything

cfg = load_config(sys.argv[1] if len(sys.argv) > 1 else "config.json")
seed_everything(cfg["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"

train, dev, test = (read_conll(cfg[k]) for k in ("train_file", "dev_file", "test_file"))
w2i, t2i = build_vocab(train, cfg["min_word_freq"])
i2t = {i: t for t, i in t2i.items()}
collate = make_collate(w2i, t2i)

train_dl = DataLoader(train, batch_size=cfg["batch_size"], shuffle=True, collate_fn=collate)
dev_dl = DataLoader(dev, batch_size=128, collate_fn=collate)
test_dl = DataLoader(test, batch_size=128, collate_fn=collate)

model = BiLSTMCRF(len(w2i), len(t2i), cfg["emb_dim"], cfg["hidden"], cfg["dropout"]).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=cfg["lr"])


def evaluate(loader):
    model.eval()
    gold, pred = [], []
    with torch.no_grad():
        for x, y, mask in loader:
            x, mask = x.to(device), mask.to(device)
            for seq, ys, m in zip(model.decode(x, mask), y, mask.cpu()):
                pred.append([i2t[i] for i in seq])
                gold.append([i2t[i] for i in ys[m].tolist()])
    return gold, pred


best_f1, bad_epochs = -1.0, 0
for epoch in range(cfg["epochs"]):
    model.train()
    total = 0.0
    for x, y, mask in train_dl:
        model.zero_grad(set_to_none=True)
        loss = model.loss(x.to(device), y.to(device), mask.to(device))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()
        total += loss.item()
    gold, pred = evaluate(dev_dl)
    f1 = f1_score(gold, pred)
    print(f"epoch {epoch + 1:02d}  loss {total / len(train_dl):.3f}  dev slot-F1 {f1:.4f}")
    if f1 > best_f1:
        best_f1, bad_epochs = f1, 0
        torch.save(model.state_dict(), cfg["checkpoint"])
    else:
        bad_epochs += 1
        if bad_epochs >= cfg["patience"]:
            print("early stop")
            break

model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
gold, pred = evaluate(test_dl)
print(f"test slot-F1 {f1_score(gold, pred):.4f} (best dev {best_f1:.4f})")
print(classification_report(gold, pred, digits=3))
