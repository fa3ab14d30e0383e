import json
import random

import numpy as np
import pandas as pd
import torch
from torch.utils.data import DataLoader

from data import EtaDataset, Preprocessor, time_split
from model import EtaMLP

with open("config.json") as f:
    CFG = json.load(f)

random.seed(CFG["seed"])
np.random.seed(CFG["seed"])
torch.manual_seed(CFG["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"


def evaluate(model, loader, prep):
    preds, targets = [], []
    with torch.no_grad():
        for x_num, x_cat, y in loader:
            out = model(x_num.to(device), x_cat.to(device))
            preds.append(out.cpu())
            targets.append(y)
    # back to minutes
    p = torch.cat(preds).numpy() * prep.y_std + prep.y_mean
    t = torch.cat(targets).numpy() * prep.y_std + prep.y_mean
    return float(np.mean(np.abs(p - t)))


def main():
    df = pd.read_parquet(CFG["data_path"])
    train_df, val_df, test_df = time_split(df, CFG["val_start"], CFG["test_start"])
    prep = Preprocessor().fit(train_df)
    loaders = {}
    for name, part in [("train", train_df), ("val", val_df), ("test", test_df)]:
        ds = EtaDataset(*prep.transform(part))
        loaders[name] = DataLoader(ds, batch_size=CFG["batch_size"], shuffle=(name == "train"),
                                   drop_last=(name == "train"))

    model = EtaMLP(n_num=8, cat_cardinalities=prep.cardinalities, dropout=CFG["dropout"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=CFG["lr"], weight_decay=CFG["weight_decay"])
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=2)
    loss_fn = torch.nn.HuberLoss(delta=1.0)

    best_val, bad_epochs = float("inf"), 0
    for epoch in range(CFG["epochs"]):
        model.train()
        running = 0.0
        for x_num, x_cat, y in loaders["train"]:
            opt.zero_grad()
            loss = loss_fn(model(x_num.to(device), x_cat.to(device)), y.to(device))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            running += loss.item()
        val_mae = evaluate(model, loaders["val"], prep)
        sched.step(val_mae)
        print(f"epoch {epoch:02d} train_loss={running / len(loaders['train']):.4f} val_mae={val_mae:.2f} min")
        if val_mae < best_val:
            best_val, bad_epochs = val_mae, 0
            torch.save(model.state_dict(), "eta_mlp_best.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= CFG["patience"]:
                break

    model.load_state_dict(torch.load("eta_mlp_best.pt"))
    test_mae = evaluate(model, loaders["test"], prep)
    print(f"best val MAE {best_val:.2f} | test MAE {test_mae:.2f} min")


if __name__ == "__main__":
    main()
