import os
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import wandb
import yaml
from torch.utils.data import DataLoader

from data import PAD, SessionDataset, build_vocab, split_sessions

cfg = yaml.safe_load(open("config.yaml"))
random.seed(cfg["seed"]); np.random.seed(cfg["seed"]); torch.manual_seed(cfg["seed"])

wandb.login(key=os.environ["WANDB_API_KEY"])
run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"], config=cfg)

dc, mc, tc = cfg["data"], cfg["model"], cfg["train"]
df = pd.read_parquet(dc["sessions"])
train_df, val_df, test_df = split_sessions(df, dc["test_frac"], dc["val_frac"])
vocab = build_vocab(train_df, dc["min_track_count"])
n_items = len(vocab) + 2
dl = {k: DataLoader(SessionDataset(d, vocab, dc["max_len"]), batch_size=tc["batch_size"], shuffle=(k == "train"))
      for k, d in [("train", train_df), ("val", val_df), ("test", test_df)]}


class GRU4Rec(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(n_items, mc["emb_dim"], padding_idx=PAD)
        self.drop = nn.Dropout(mc["dropout"])
        self.gru = nn.GRU(mc["emb_dim"], mc["hidden"], batch_first=True)
        self.out = nn.Linear(mc["hidden"], n_items)

    def forward(self, x):
        h, _ = self.gru(self.drop(self.emb(x)))
        return self.out(self.drop(h))


model = GRU4Rec()
opt = torch.optim.Adam(model.parameters(), lr=tc["lr"])
loss_fn = nn.CrossEntropyLoss(ignore_index=PAD)


@torch.no_grad()
def hit_rate(loader, k=20):
    model.eval()
    hits = total = 0
    for x, y in loader:
        topk = model(x).topk(k, dim=-1).indices
        mask = y != PAD
        hits += (topk == y.unsqueeze(-1)).any(-1)[mask].sum().item()
        total += mask.sum().item()
    return hits / max(total, 1)


best = -1.0
for epoch in range(tc["epochs"]):
    model.train()
    opt.zero_grad()
    for step, (x, y) in enumerate(dl["train"], start=1):
        logits = model(x)
        loss = loss_fn(logits.reshape(-1, n_items), y.reshape(-1)) / tc["accum_steps"]
        loss.backward()
        if step % tc["accum_steps"] == 0:
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            opt.zero_grad()
    hr = hit_rate(dl["val"])
    wandb.log({"epoch": epoch, "val/hr@20": hr, "train/loss": loss.item() * tc["accum_steps"]})
    if hr > best:
        best = hr
        torch.save(model.state_dict(), "gru4rec_best.pt")

model.load_state_dict(torch.load("gru4rec_best.pt"))
test_hr = hit_rate(dl["test"])
print(f"val HR@20 {best:.4f} | test HR@20 {test_hr:.4f}")
wandb.summary["test/hr@20"] = test_hr
run.finish()
