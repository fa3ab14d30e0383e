import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader

from dataset import MelDataset
from utils import load_config, read_split, set_seed

cfg = load_config()
set_seed(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

splits = {k: read_split(v) for k, v in cfg["split_files"].items()}
genres = sorted({g for _, g in splits["train"]})

# per-mel-bin normalisation statistics
train_mels = np.stack([np.load(f"{cfg['mel_dir']}/{tid}.npy") for tid, _ in splits["train"]])
mean = train_mels.mean(axis=(0, 2))[:, None]
std = train_mels.std(axis=(0, 2))[:, None] + 1e-6
del train_mels

mk = lambda name, train: MelDataset(splits[name], cfg["mel_dir"], genres, mean, std, cfg["crop_frames"], train)
dl_train = DataLoader(mk("train", True), batch_size=cfg["batch_size"], shuffle=True, num_workers=0)
dl_val = DataLoader(mk("val", False), batch_size=64)
dl_test = DataLoader(mk("test", False), batch_size=64)


def block(c_in, c_out):
    return nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=1), nn.BatchNorm2d(c_out), nn.ReLU(), nn.MaxPool2d(2))


model = nn.Sequential(
    block(1, 32), block(32, 64), block(64, 128), block(128, 128),
    nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.4), nn.Linear(128, len(genres)),
).to(device)
opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="max", factor=0.5, patience=4)
loss_fn = nn.CrossEntropyLoss()


def predict(dl):
    model.eval()
    preds, labels = [], []
    with torch.no_grad():
        for x, y in dl:
            preds.append(model(x.to(device)).argmax(1).cpu())
            labels.append(y)
    return torch.cat(labels).numpy(), torch.cat(preds).numpy()


best_f1 = 0.0
for epoch in range(cfg["epochs"]):
    model.train()
    for x, y in dl_train:
        x, y = x.to(device), y.to(device)
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
    yv, pv = predict(dl_val)
    val_f1 = f1_score(yv, pv, average="macro")
    sched.step(val_f1)
    if val_f1 > best_f1:
        best_f1 = val_f1
        torch.save(model.state_dict(), "genre_cnn_best.pt")
    print(f"epoch {epoch:02d} loss {loss.item():.3f} val macro-F1 {val_f1:.3f}")

model.load_state_dict(torch.load("genre_cnn_best.pt", map_location=device))
yt, pt = predict(dl_test)
print(f"test acc {accuracy_score(yt, pt):.3f} | test macro-F1 {f1_score(yt, pt, average='macro'):.3f} (best val {best_f1:.3f})")
