"""MLP surrogate for Cantera constant-volume ignition delay times of H2/CH4 blends."""
import json
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.linear_model import LinearRegression
from torch.utils.data import DataLoader

from idt.data import build
from idt.engine import predict, train_epoch
from idt.model import IDTNet
from idt.utils import set_seed


def log_errors(y_log, p_log):
    err = p_log - y_log
    return {"mae_log10": float(np.abs(err).mean()), "rmse_log10": float(np.sqrt((err ** 2).mean())),
            "max_rel_err": float(np.abs(10 ** err - 1).max())}


def main():
    cfg = tomllib.loads(Path("config.toml").read_text())
    tc = cfg["train"]
    gen = set_seed(tc["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_csv(cfg["data"]["path"]).query("ignited == 1")
    sets, raw, xn, yn = build(df, cfg["data"], gen)
    train_dl = DataLoader(sets["train"], batch_size=tc["batch_size"], shuffle=True, generator=gen)
    val_dl = DataLoader(sets["val"], batch_size=2048)
    test_dl = DataLoader(sets["test"], batch_size=2048)

    model = IDTNet(len(cfg["data"]["inputs"]), **cfg["model"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=15)
    loss_fn = torch.nn.MSELoss()
    ckpt = Path(tc["checkpoint"]); ckpt.parent.mkdir(parents=True, exist_ok=True)
    y_val = sets["val"].tensors[1].numpy()

    best, stale = np.inf, 0
    for epoch in range(tc["max_epochs"]):
        tr_loss = train_epoch(model, train_dl, opt, loss_fn, device)
        val_loss = float(np.mean((predict(model, val_dl, device) - y_val) ** 2))
        sched.step(val_loss)
        if val_loss < best:
            best, stale = val_loss, 0
            torch.save({"model": model.state_dict(), "epoch": epoch, "x_norm": (xn.mu, xn.sd),
                        "y_norm": (yn.mu, yn.sd)}, ckpt)
        else:
            stale += 1
        if stale >= tc["patience"]:
            break
    print(f"stopped at epoch {epoch}; best val MSE {best:.5f}")

    model.load_state_dict(torch.load(ckpt, weights_only=False)["model"])
    x_te, y_te = raw["test"]
    p_mlp = yn.inverse(predict(model, test_dl, device))

    # Arrhenius-type baseline: linear in (1000/T, log P, log phi, x_H2, dilution) in log10 space
    x_tr, y_tr = raw["train"]
    p_arr = LinearRegression().fit(x_tr, y_tr).predict(x_te)

    report = {"arrhenius_linear": log_errors(y_te, p_arr), "mlp": log_errors(y_te, p_mlp), "epochs": epoch + 1}
    print(json.dumps(report, indent=2))
    ckpt.with_name("test_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
