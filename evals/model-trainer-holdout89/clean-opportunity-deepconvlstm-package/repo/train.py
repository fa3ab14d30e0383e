"""Train DeepConvLSTM on the OPPORTUNITY gesture task (18 classes incl. null)."""
import json
from pathlib import Path

import numpy as np
import tomli
import torch
from sklearn.metrics import f1_score
from torch import nn
from torch.utils.data import DataLoader

from deepconv.data import Standardiser, WindowDataset, load_runs
from deepconv.loops import evaluate, train_step
from deepconv.model import DeepConvLSTM
from deepconv.utils import EarlyStopper, seed_everything


def main(config="train.toml"):
    cfg = tomli.loads(Path(config).read_text())
    dcfg, tcfg = cfg["data"], cfg["train"]
    seed_everything(tcfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    x_tr, y_tr = load_runs(dcfg["root"], dcfg["train_runs"])
    x_va, y_va = load_runs(dcfg["root"], dcfg["val_runs"])
    x_te, y_te = load_runs(dcfg["root"], dcfg["test_runs"])
    norm = Standardiser().fit(x_tr)
    x_tr, x_va, x_te = norm(x_tr), norm(x_va), norm(x_te)

    g = torch.Generator().manual_seed(tcfg["seed"])
    train_dl = DataLoader(WindowDataset(x_tr, y_tr), batch_size=tcfg["batch_size"], shuffle=True, generator=g)
    val_dl = DataLoader(WindowDataset(x_va, y_va), batch_size=512)
    test_dl = DataLoader(WindowDataset(x_te, y_te), batch_size=512)

    model = DeepConvLSTM(n_channels=x_tr.shape[-1], n_classes=18).to(device)
    optimizer = torch.optim.RMSprop(model.parameters(), lr=tcfg["lr"], alpha=0.9)
    loss_fn = nn.CrossEntropyLoss()
    stopper = EarlyStopper(patience=tcfg["patience"], mode="max")
    ckpt = Path(tcfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    for epoch in range(tcfg["epochs"]):
        model.train()
        losses = [train_step(model, batch, optimizer, loss_fn, device) for batch in train_dl]
        val = evaluate(model, val_dl, loss_fn, device)
        print(f"epoch {epoch:3d} train_loss {np.mean(losses):.4f} val_loss {val['loss']:.4f} "
              f"val_f1m {val['macro_f1']:.4f}")
        if stopper.step(val["macro_f1"]):
            torch.save({"model": model.state_dict(), "mu": norm.mu, "sigma": norm.sigma, "epoch": epoch}, ckpt)
        if stopper.should_stop:
            break

    state = torch.load(ckpt, map_location=device, weights_only=False)
    model.load_state_dict(state["model"])
    test = evaluate(model, test_dl, loss_fn, device)
    majority = np.full_like(y_te, np.bincount(y_tr).argmax())
    test["majority_macro_f1"] = f1_score(y_te, majority, average="macro")
    test["majority_weighted_f1"] = f1_score(y_te, majority, average="weighted")
    print(json.dumps({"best_epoch": state["epoch"], "test": test}, indent=2))


if __name__ == "__main__":
    main()
