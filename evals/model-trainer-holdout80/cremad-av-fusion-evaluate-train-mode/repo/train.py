"""Audio-visual emotion recognition on CREMA-D with speaker-disjoint splits."""
import os
import random

import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader

from avfusion.data import EMOTIONS, CremaDClips, split_by_actor
from avfusion.engine import evaluate, train_one_epoch
from avfusion.model import AVFusionNet

with open("config.yaml") as f:
    cfg = yaml.safe_load(f)
seed = cfg["train"]["seed"]
random.seed(seed)
np.random.seed(seed)
torch.manual_seed(seed)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

meta = pd.read_csv(cfg["data"]["metadata"])
train_meta, val_meta, test_meta = split_by_actor(meta, cfg["data"]["val_actors"], cfg["data"]["test_actors"], seed)
print("clips:", len(train_meta), len(val_meta), len(test_meta))
print(train_meta["emotion"].value_counts(normalize=True).round(3).to_dict())


def loader(df, shuffle):
    ds = CremaDClips(df, cfg["data"]["mel_dir"], cfg["data"]["face_dir"])
    return DataLoader(ds, batch_size=cfg["train"]["batch_size"], shuffle=shuffle, num_workers=4, drop_last=shuffle)


train_loader, val_loader, test_loader = loader(train_meta, True), loader(val_meta, False), loader(test_meta, False)

model = AVFusionNet(len(EMOTIONS), cfg["model"]["face_dim"], cfg["model"]["hidden"], cfg["model"]["dropout"]).to(device)
optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["train"]["lr"], weight_decay=cfg["train"]["weight_decay"])
scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="max", factor=0.5, patience=3)

os.makedirs(os.path.dirname(cfg["train"]["checkpoint"]), exist_ok=True)
best_f1, bad_epochs = -1.0, 0
for epoch in range(cfg["train"]["epochs"]):
    train_loss = train_one_epoch(model, train_loader, optimizer, device)
    val = evaluate(model, val_loader, device)
    scheduler.step(val["macro_f1"])
    print(f"epoch {epoch:02d} train_loss {train_loss:.4f} val_loss {val['loss']:.4f} "
          f"val_acc {val['accuracy']:.3f} val_f1 {val['macro_f1']:.3f}")
    if val["macro_f1"] > best_f1:
        best_f1, bad_epochs = val["macro_f1"], 0
        torch.save(model.state_dict(), cfg["train"]["checkpoint"])
    else:
        bad_epochs += 1
        if bad_epochs >= cfg["train"]["patience"]:
            break

model.load_state_dict(torch.load(cfg["train"]["checkpoint"], map_location=device))
test = evaluate(model, test_loader, device)

majority = train_meta["emotion"].mode()[0]
y_test = test_meta["emotion"].values
base_pred = np.full(len(y_test), majority)
print(f"majority baseline: acc {accuracy_score(y_test, base_pred):.3f} macro_f1 {f1_score(y_test, base_pred, average='macro'):.3f}")
print(f"AV fusion test:    acc {test['accuracy']:.3f} macro_f1 {test['macro_f1']:.3f}")
