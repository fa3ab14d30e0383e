import yaml
import torch
import torch.nn as nn
from torch.utils.data import DataLoader

from data import COLS, make_datasets, read
from utils import metrics, predict_proba, set_seed


class LonglineGRU(nn.Module):
    def __init__(self, n_in, hidden, dropout):
        super().__init__()
        self.gru = nn.GRU(n_in, hidden, batch_first=True)
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(hidden, 32), nn.ReLU(), nn.Linear(32, 1))

    def forward(self, x):
        return self.head(self.gru(x)[1][-1]).squeeze(-1)


def main(cfg):
    set_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    train_ds, val_ds, test_ds = make_datasets(read(cfg["data"]["csv"]), cfg["data"], cfg["seed"])
    bs = cfg["optim"]["batch_size"]
    train_dl = DataLoader(train_ds, batch_size=bs, shuffle=True, drop_last=True)
    val_dl, test_dl = DataLoader(val_ds, batch_size=1024), DataLoader(test_ds, batch_size=1024)

    model = LonglineGRU(len(COLS), **cfg["model"]).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=cfg["optim"]["lr"])
    loss_fn = nn.BCEWithLogitsLoss()

    best, bad_epochs = -1.0, 0
    for epoch in range(cfg["optim"]["epochs"]):
        model.train()
        for xb, yb in train_dl:
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb.to(device)), yb.to(device))
            loss.backward()
            opt.step()
        val = metrics(*predict_proba(model, val_dl, device))
        print(f"epoch {epoch}: val auc={val['auc']:.4f} ap={val['ap']:.4f}")
        if val["ap"] > best:
            best, bad_epochs = val["ap"], 0
            torch.save(model.state_dict(), "longline_gru.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["optim"]["patience"]:
                break

    model.load_state_dict(torch.load("longline_gru.pt", map_location=device))
    print("test:", metrics(*predict_proba(model, test_dl, device)))


if __name__ == "__main__":
    with open("config.yaml") as f:
        main(yaml.safe_load(f))
