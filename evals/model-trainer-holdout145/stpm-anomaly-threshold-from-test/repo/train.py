import json
import random

import numpy as np
import torch
from torch.utils.data import DataLoader

from data import MVTecAD
from stpm import STPM

cfg = json.load(open("config.json"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])
device = "cuda"

train_ds = MVTecAD(cfg["data_root"], cfg["category"], "train", cfg["image_size"])
loader = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True, num_workers=4, drop_last=True)

model = STPM(cfg["layers"]).to(device)
optimizer = torch.optim.SGD(model.student.parameters(), lr=cfg["lr"], momentum=0.9, weight_decay=1e-4)

for epoch in range(cfg["epochs"]):
    model.train()
    epoch_loss = 0.0
    for x, _ in loader:
        x = x.to(device)
        loss = STPM.loss(*model(x))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        epoch_loss += loss.item()
    print(f"epoch {epoch + 1}/{cfg['epochs']}  loss {epoch_loss / len(loader):.5f}")

torch.save(model.student.state_dict(), cfg["ckpt"])
