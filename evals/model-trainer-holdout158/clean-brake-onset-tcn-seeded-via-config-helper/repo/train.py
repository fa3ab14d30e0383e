import numpy as np
import torch
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score
from torch.utils.data import DataLoader, TensorDataset

from common import TCN, seed_everything

cfg = yaml.safe_load(open("config.yaml"))
seed_everything(cfg["seed"])
dev = "cuda" if torch.cuda.is_available() else "cpu"

z = np.load(cfg["data"]["npz"])
trip = z["trip_id"]
val_trips = np.loadtxt(cfg["data"]["val_trips"], dtype=str)
test_trips = np.loadtxt(cfg["data"]["test_trips"], dtype=str)
is_val, is_test = np.isin(trip, val_trips), np.isin(trip, test_trips)
is_train = ~(is_val | is_test)


def ds(mask):
    return TensorDataset(torch.from_numpy(z["X"][mask]).float(), torch.from_numpy(z["y"][mask]).float())


tc = cfg["train"]
train_dl = DataLoader(ds(is_train), batch_size=tc["batch_size"], shuffle=True, drop_last=True)
val_dl = DataLoader(ds(is_val), batch_size=1024)
test_dl = DataLoader(ds(is_test), batch_size=1024)

model = TCN(z["X"].shape[-1], **cfg["model"]).to(dev)
pos_weight = torch.tensor((1 - z["y"][is_train].mean()) / z["y"][is_train].mean(), device=dev)
loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
opt = torch.optim.Adam(model.parameters(), lr=tc["lr"])


@torch.no_grad()
def scores(loader):
    model.eval()
    ys, ps = [], []
    for x, y in loader:
        ps.append(torch.sigmoid(model(x.to(dev))).cpu())
        ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(ps).numpy()


best_ap, wait = -1.0, 0
for epoch in range(tc["max_epochs"]):
    model.train()
    for x, y in train_dl:
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x.to(dev)), y.to(dev))
        loss.backward()
        opt.step()
    y_v, p_v = scores(val_dl)
    ap = average_precision_score(y_v, p_v)
    print(f"epoch {epoch:02d} loss {loss.item():.4f} val AP {ap:.4f}")
    if ap > best_ap:
        best_ap, wait = ap, 0
        torch.save(model.state_dict(), f"{cfg['experiment']}.pt")
    elif (wait := wait + 1) >= tc["patience"]:
        break

model.load_state_dict(torch.load(f"{cfg['experiment']}.pt"))
y_t, p_t = scores(test_dl)
print(f"TEST  ROC-AUC {roc_auc_score(y_t, p_t):.4f}  AP {average_precision_score(y_t, p_t):.4f}")
