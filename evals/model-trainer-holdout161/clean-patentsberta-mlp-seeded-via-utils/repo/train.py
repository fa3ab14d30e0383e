import joblib
import numpy as np
import torch
from sklearn.metrics import classification_report, f1_score
from torch import nn
from torch.utils.data import DataLoader

from data import SECTIONS, build_datasets
from model import SectionHead
from utils import load_config, seed_everything

cfg = load_config()
gen = seed_everything(cfg["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"

ds, scaler = build_datasets(cfg)
o = cfg["optim"]
train_dl = DataLoader(ds["train"], batch_size=o["batch_size"], shuffle=True, generator=gen)
val_dl = DataLoader(ds["val"], batch_size=4096)
test_dl = DataLoader(ds["test"], batch_size=4096)

model = SectionHead(ds["train"].tensors[0].shape[1], cfg["model"]["hidden"], len(SECTIONS),
                    cfg["model"]["dropout"]).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=o["lr"], weight_decay=o["weight_decay"])
crit = nn.CrossEntropyLoss()


def predict(loader):
    model.eval()
    ys, ps = [], []
    with torch.inference_mode():
        for x, y in loader:
            ps.append(model(x.to(device)).argmax(1).cpu().numpy())
            ys.append(y.numpy())
    return np.concatenate(ys), np.concatenate(ps)


best, best_state, wait = -1.0, None, 0
for epoch in range(o["epochs"]):
    model.train()
    for x, y in train_dl:
        x, y = x.to(device), y.to(device)
        opt.zero_grad()
        crit(model(x), y).backward()
        opt.step()
    yv, pv = predict(val_dl)
    f1 = f1_score(yv, pv, average="macro")
    print(f"epoch {epoch:02d}  val macro-F1 {f1:.4f}")
    if f1 > best:
        best, wait = f1, 0
        best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    else:
        wait += 1
        if wait >= o["patience"]:
            break

model.load_state_dict(best_state)
yt, pt = predict(test_dl)
print(classification_report(yt, pt, target_names=SECTIONS, digits=3))
torch.save(model.state_dict(), "artifacts/section_head.pt")
joblib.dump(scaler, "artifacts/scaler.joblib")
