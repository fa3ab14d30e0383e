import copy

import numpy as np
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import classification_report, confusion_matrix
from torch.utils.data import DataLoader, TensorDataset

from data import load_records
from model import BeatNet
from utils import inverse_freq_weights, seed_everything


def make_loader(split, cfg, shuffle):
    beats, rr, y = load_records(cfg["mitdb_dir"], cfg["records"][split], cfg["window"])
    ds = TensorDataset(torch.from_numpy(beats), torch.from_numpy(rr), torch.from_numpy(y))
    return DataLoader(ds, batch_size=cfg["optim"]["batch_size"], shuffle=shuffle), y


@torch.inference_mode()
def predict(model, loader):
    model.eval()
    out = [model(b, r).argmax(1) for b, r, _ in loader]
    return torch.cat(out).numpy()


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    seed_everything(cfg["seed"])
    train_dl, y_train = make_loader("train", cfg, shuffle=True)
    val_dl, y_val = make_loader("val", cfg, shuffle=False)

    model = BeatNet()
    criterion = nn.CrossEntropyLoss(weight=inverse_freq_weights(y_train, 4))
    opt = torch.optim.Adam(model.parameters(), lr=cfg["optim"]["lr"])

    best_loss, best_state, stale = np.inf, None, 0
    for epoch in range(cfg["optim"]["max_epochs"]):
        model.train()
        for beat, rr, y in train_dl:
            opt.zero_grad()
            loss = criterion(model(beat, rr), y)
            loss.backward()
            opt.step()

        model.eval()
        with torch.no_grad():
            val_loss = sum(criterion(model(b, r), y).item() * len(y) for b, r, y in val_dl) / len(y_val)
        print(f"epoch {epoch:02d} val_loss {val_loss:.4f}")
        if val_loss < best_loss:
            best_loss, best_state, stale = val_loss, copy.deepcopy(model.state_dict()), 0
        else:
            stale += 1
            if stale >= cfg["optim"]["patience"]:
                break

    model.load_state_dict(best_state)
    test_dl, y_test = make_loader("test", cfg, shuffle=False)
    y_pred = predict(model, test_dl)
    print(confusion_matrix(y_test, y_pred))
    print(classification_report(y_test, y_pred, target_names=["N", "S", "V", "F"], digits=4))


if __name__ == "__main__":
    main()
