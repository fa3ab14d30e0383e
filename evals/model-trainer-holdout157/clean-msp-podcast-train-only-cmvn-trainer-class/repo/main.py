import random

import numpy as np
import pandas as pd
import torch
import yaml
from torch.utils.data import DataLoader

from data import FbankSet, pad_batch
from trainer import EmoTDNN, Trainer

cfg = yaml.safe_load(open("config.yaml"))
random.seed(cfg["seed"]); np.random.seed(cfg["seed"]); torch.manual_seed(cfg["seed"])
P, T = cfg["paths"], cfg["train"]

lab = pd.read_csv(P["labels"])
lab = lab[lab.EmoClass.isin(cfg["classes"])]
parts = {s: lab[lab.Split_Set == s] for s in ("Train", "Development", "Test1")}


def loader(split, train):
    ds = FbankSet(parts[split], cfg["classes"], P["fbank_dir"], P["stats"], T["max_frames"] if train else None)
    return DataLoader(ds, batch_size=T["batch_size"], shuffle=train, collate_fn=pad_batch, num_workers=6)


train_dl, dev_dl, test_dl = loader("Train", True), loader("Development", False), loader("Test1", False)
counts = parts["Train"].EmoClass.value_counts().reindex(cfg["classes"]).values
weights = torch.tensor(counts.sum() / (len(counts) * counts), dtype=torch.float32)

device = "cuda" if torch.cuda.is_available() else "cpu"
model = EmoTDNN(len(cfg["classes"]), T["dropout"])
trainer = Trainer(model, torch.optim.Adam(model.parameters(), lr=T["lr"]),
                  torch.nn.CrossEntropyLoss(weight=weights.to(device)), device)

best, bad = -1.0, 0
for epoch in range(T["epochs"]):
    trainer.fit_epoch(train_dl)
    dev = trainer.score(dev_dl)
    print(epoch, {k: round(v, 4) for k, v in dev.items()})
    if dev["macro_f1"] > best:
        best, bad = dev["macro_f1"], 0
        torch.save(model.state_dict(), P["ckpt"])
    else:
        bad += 1
        if bad >= T["patience"]:
            break

model.load_state_dict(torch.load(P["ckpt"]))
print("Test1:", trainer.score(test_dl))
