import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import wandb
import yaml
from sklearn.metrics import balanced_accuracy_score, confusion_matrix, f1_score
from torch.utils.data import DataLoader
from torchvision import models, transforms as T

from datasets import WeirCrops, balanced_sampler, video_splits

cfg = yaml.safe_load(open("config.yaml"))
torch.manual_seed(cfg["seed"])
np.random.seed(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

run = wandb.init(project=cfg["wandb"]["project"], tags=cfg["wandb"]["tags"], config=cfg)

df = pd.read_csv(cfg["crops_csv"])
df = df[df["species"].isin(cfg["species"])]
train_df, val_df, test_df = video_splits(df, cfg["test_videos_frac"], cfg["val_videos_frac"], cfg["seed"])

mean, std = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]
s = cfg["img_size"]
train_tf = T.Compose([T.RandomResizedCrop(s, scale=(0.6, 1.0)), T.RandomHorizontalFlip(),
                      T.ColorJitter(0.3, 0.3, 0.2), T.ToTensor(), T.Normalize(mean, std)])
eval_tf = T.Compose([T.Resize(int(s * 1.14)), T.CenterCrop(s), T.ToTensor(), T.Normalize(mean, std)])

train_ds = WeirCrops(train_df, cfg["crops_dir"], cfg["species"], train_tf)
sampler = balanced_sampler(train_ds.y, len(cfg["species"]), cfg["seed"])
train_dl = DataLoader(train_ds, batch_size=cfg["batch_size"], sampler=sampler, num_workers=8)
val_dl = DataLoader(WeirCrops(val_df, cfg["crops_dir"], cfg["species"], eval_tf), batch_size=128, num_workers=8)
test_dl = DataLoader(WeirCrops(test_df, cfg["crops_dir"], cfg["species"], eval_tf), batch_size=128, num_workers=8)

model = models.resnet50(weights=models.ResNet50_Weights.IMAGENET1K_V2)
model.fc = nn.Linear(model.fc.in_features, len(cfg["species"]))
model.to(device)
opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"] * 100, momentum=0.9, weight_decay=1e-4, nesterov=True)
sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=cfg["lr"] * 100, total_steps=cfg["epochs"] * len(train_dl))
crit = nn.CrossEntropyLoss()


def predict(loader):
    model.eval()
    ys, ps = [], []
    with torch.no_grad():
        for x, y in loader:
            ps.append(model(x.to(device)).argmax(1).cpu().numpy())
            ys.append(y.numpy())
    return np.concatenate(ys), np.concatenate(ps)


best = -1.0
for epoch in range(cfg["epochs"]):
    model.train()
    for x, y in train_dl:
        x, y = x.to(device), y.to(device)
        opt.zero_grad()
        loss = crit(model(x), y)
        loss.backward()
        opt.step()
        sched.step()
    yv, pv = predict(val_dl)
    bacc = balanced_accuracy_score(yv, pv)
    wandb.log({"epoch": epoch, "train_loss": loss.item(), "val_bacc": bacc, "val_f1": f1_score(yv, pv, average="macro")})
    if bacc > best:
        best = bacc
        torch.save(model.state_dict(), "weir_resnet50.pt")

model.load_state_dict(torch.load("weir_resnet50.pt", map_location=device))
yt, pt = predict(test_dl)
run.summary.update({"test_bacc": balanced_accuracy_score(yt, pt), "test_macro_f1": f1_score(yt, pt, average="macro")})
print(pd.DataFrame(confusion_matrix(yt, pt, labels=range(len(cfg["species"]))), index=cfg["species"], columns=cfg["species"]))
run.finish()
