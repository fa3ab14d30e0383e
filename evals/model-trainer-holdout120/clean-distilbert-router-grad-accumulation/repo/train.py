import yaml
import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
from sklearn.metrics import f1_score
from torch.utils.data import DataLoader
from transformers import AutoTokenizer, DataCollatorWithPadding, get_cosine_schedule_with_warmup

from model import TicketRouter
from utils import AverageMeter, seed_everything

cfg = yaml.safe_load(open("train_config.yaml"))
seed_everything(cfg["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"

tok = AutoTokenizer.from_pretrained(cfg["encoder"])
queues = cfg["queues"]
q2i = {q: i for i, q in enumerate(queues)}


def load_split(path):
    df = pd.read_parquet(path)
    enc = tok((df["subject"].fillna("") + " | " + df["body"]).tolist(), truncation=True, max_length=cfg["max_len"])
    return [{"input_ids": ids, "attention_mask": m, "labels": q2i[q]}
            for ids, m, q in zip(enc["input_ids"], enc["attention_mask"], df["queue"])]


collate = DataCollatorWithPadding(tok)
train_dl = DataLoader(load_split(cfg["train"]), batch_size=cfg["micro_batch"], shuffle=True, collate_fn=collate)
val_dl = DataLoader(load_split(cfg["valid"]), batch_size=64, collate_fn=collate)
test_dl = DataLoader(load_split(cfg["test"]), batch_size=64, collate_fn=collate)

model = TicketRouter(cfg["encoder"], len(queues)).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=0.01)
accum = cfg["accum_steps"]
n_updates = cfg["epochs"] * (len(train_dl) // accum)
sched = get_cosine_schedule_with_warmup(opt, int(0.06 * n_updates), n_updates)


@torch.inference_mode()
def predict(dl):
    model.eval()
    preds, gold = [], []
    for b in dl:
        b = {k: v.to(device) for k, v in b.items()}
        logits = model(b["input_ids"], b["attention_mask"])
        preds.append(logits.argmax(-1).cpu())
        gold.append(b["labels"].cpu())
    return torch.cat(gold).numpy(), torch.cat(preds).numpy()


best = -1.0
for epoch in range(cfg["epochs"]):
    model.train()
    meter = AverageMeter()
    opt.zero_grad(set_to_none=True)
    for step, b in enumerate(train_dl, start=1):
        b = {k: v.to(device) for k, v in b.items()}
        logits = model(b["input_ids"], b["attention_mask"])
        loss = F.cross_entropy(logits, b["labels"], label_smoothing=0.05) / accum
        loss.backward()
        meter.update(loss.item() * accum, b["labels"].size(0))
        if step % accum == 0:
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad(set_to_none=True)
    y, p = predict(val_dl)
    val_f1 = f1_score(y, p, average="macro")
    print(f"epoch {epoch}: loss {meter.avg:.4f} val macro-F1 {val_f1:.4f}")
    if val_f1 > best:
        best = val_f1
        torch.save(model.state_dict(), cfg["ckpt"])

model.load_state_dict(torch.load(cfg["ckpt"], map_location=device))
y, p = predict(test_dl)
print(f"best val macro-F1 {best:.4f} | test macro-F1 {f1_score(y, p, average='macro'):.4f} "
      f"| test acc {np.mean(y == p):.4f}")
