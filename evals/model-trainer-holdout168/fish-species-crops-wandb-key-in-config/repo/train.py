import pandas as pd
import timm
import torch
import torch.nn as nn
import wandb
import yaml
from PIL import Image
from sklearn.metrics import balanced_accuracy_score, f1_score
from timm.data import create_transform, resolve_data_config
from timm.scheduler import CosineLRScheduler
from torch.utils.data import DataLoader, Dataset

from utils import filter_rare, grouped_splits, predict, set_seed


class CropDataset(Dataset):
    def __init__(self, df, root, label_map, tf):
        self.paths = [f"{root}/{p}" for p in df["crop_file"]]
        self.labels = [label_map[c] for c in df["concept"]]
        self.tf = tf

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        return self.tf(Image.open(self.paths[i]).convert("RGB")), self.labels[i]


cfg = yaml.safe_load(open("config.yaml"))
set_seed(cfg["seed"])
wandb.login(key=cfg["wandb"]["api_key"])
run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                 name=cfg["experiment"], config=cfg)
device = "cuda" if torch.cuda.is_available() else "cpu"

df = filter_rare(pd.read_csv(cfg["data"]["crops_csv"]), "concept", cfg["data"]["min_crops_per_concept"])
concepts = sorted(df["concept"].unique())
label_map = {c: i for i, c in enumerate(concepts)}
train_df, val_df, test_df = grouped_splits(df, "dive_id", cfg["data"]["test_frac"], cfg["data"]["val_frac"], cfg["seed"])

model = timm.create_model(cfg["model"]["arch"], pretrained=True, num_classes=len(concepts),
                          drop_path_rate=cfg["model"]["drop_path_rate"]).to(device)
dcfg = resolve_data_config({}, model=model)
root, oc = cfg["data"]["crop_root"], cfg["optim"]
train_dl = DataLoader(CropDataset(train_df, root, label_map, create_transform(**dcfg, is_training=True)),
                      batch_size=oc["batch_size"], shuffle=True, num_workers=8, drop_last=True)
val_dl = DataLoader(CropDataset(val_df, root, label_map, create_transform(**dcfg)), batch_size=128, num_workers=8)
test_dl = DataLoader(CropDataset(test_df, root, label_map, create_transform(**dcfg)), batch_size=128, num_workers=8)

criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
optimizer = torch.optim.AdamW(model.parameters(), lr=oc["lr"], weight_decay=oc["weight_decay"])
sched = CosineLRScheduler(optimizer, t_initial=oc["epochs"], warmup_t=oc["warmup_epochs"], warmup_lr_init=1e-6)

best_bacc, step = 0.0, 0
for epoch in range(oc["epochs"]):
    model.train()
    for x, y in train_dl:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        step += 1
        if step % cfg["wandb"]["log_every"] == 0:
            wandb.log({"train/loss": loss.item(), "lr": optimizer.param_groups[0]["lr"]}, step=step)
    sched.step(epoch + 1)
    yv, pv = predict(model, val_dl, device)
    bacc = balanced_accuracy_score(yv, pv)
    wandb.log({"val/balanced_acc": bacc, "val/macro_f1": f1_score(yv, pv, average="macro"), "epoch": epoch}, step=step)
    if bacc > best_bacc:
        best_bacc = bacc
        torch.save(model.state_dict(), f"{cfg['experiment']}_best.pt")

model.load_state_dict(torch.load(f"{cfg['experiment']}_best.pt", map_location=device))
yt, pt = predict(model, test_dl, device)
run.summary["test/balanced_acc"] = balanced_accuracy_score(yt, pt)
run.summary["test/macro_f1"] = f1_score(yt, pt, average="macro")
print(dict(run.summary))
run.finish()
