import json
import os
import sys

import timm
import torch
import yaml
from timm.utils import ModelEmaV2
from torch.utils.data import DataLoader
from torchvision import datasets, transforms as T

from engine import evaluate, set_seed, train_one_epoch

cfg = yaml.safe_load(open(sys.argv[1] if len(sys.argv) > 1 else "config.yaml"))
set_seed(cfg["seed"])
os.makedirs(cfg["out"], exist_ok=True)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

norm = T.Normalize((0.485, 0.456, 0.406), (0.229, 0.224, 0.225))
train_tf = T.Compose([T.RandomResizedCrop(cfg["img_size"], scale=(0.5, 1.0)),
                      T.TrivialAugmentWide(), T.ToTensor(), norm])
eval_tf = T.Compose([T.Resize((cfg["img_size"], cfg["img_size"])), T.ToTensor(), norm])
ds = {split: datasets.ImageFolder(os.path.join(cfg["data_dir"], split), train_tf if split == "train" else eval_tf)
      for split in ("train", "val", "test")}
assert ds["train"].class_to_idx == ds["val"].class_to_idx == ds["test"].class_to_idx
loaders = {split: DataLoader(d, batch_size=cfg["micro_batch"] if split == "train" else 128,
                             shuffle=split == "train", num_workers=cfg["num_workers"], pin_memory=True)
           for split, d in ds.items()}

model = timm.create_model(cfg["arch"], pretrained=True, num_classes=len(ds["train"].classes),
                          drop_rate=cfg["drop_rate"]).to(device)
ema = ModelEmaV2(model, decay=cfg["ema_decay"])
optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg["epochs"])
scaler = torch.cuda.amp.GradScaler(enabled=device.type == "cuda")
criterion = torch.nn.CrossEntropyLoss(label_smoothing=0.1)

best_f1 = -1.0
for epoch in range(cfg["epochs"]):
    loss = train_one_epoch(model, loaders["train"], optimizer, scaler, criterion, device,
                           cfg["accum_steps"], ema=ema)
    scheduler.step()
    val = evaluate(ema.module, loaders["val"], device)
    print(f"epoch {epoch:02d} train_loss {loss:.4f} ema val {val}")
    if val["macro_f1"] > best_f1:
        best_f1 = val["macro_f1"]
        torch.save(ema.module.state_dict(), os.path.join(cfg["out"], "best_ema.pt"))

ema.module.load_state_dict(torch.load(os.path.join(cfg["out"], "best_ema.pt"), map_location=device))
test = evaluate(ema.module, loaders["test"], device)
print("test", test)
with open(os.path.join(cfg["out"], "test_metrics.json"), "w") as f:
    json.dump({"best_val_macro_f1": best_f1, **{f"test_{k}": v for k, v in test.items()}}, f, indent=2)
