import argparse
import random
from pathlib import Path

import numpy as np
import torch
import yaml
from torch import nn
from torch.utils.data import DataLoader

from loadlstm.data import LoadWindows, Standardizer, chronological_split, read_load
from loadlstm.model import LoadLSTM


def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def evaluate(model, loader, device, scaler):
    model.eval()
    preds, targets = [], []
    for x, y in loader:
        preds.append(model(x.to(device)).cpu().numpy())
        targets.append(y.numpy())
    p = scaler.inverse_target(np.concatenate(preds))
    t = scaler.inverse_target(np.concatenate(targets))
    mae = float(np.mean(np.abs(p - t)))
    mape = float(np.mean(np.abs(p - t) / np.abs(t)))
    return mae, mape


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/lstm.yaml")
    cfg = yaml.safe_load(Path(parser.parse_args().config).read_text())
    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    df = read_load(Path(cfg["data_path"]))[cfg["features"]]
    train_df, valid_df, test_df = chronological_split(df, cfg["valid_days"], cfg["test_days"])
    scaler = Standardizer().fit(train_df.values)

    def make_loader(frame, shuffle):
        ds = LoadWindows(scaler.transform(frame.values), cfg["lookback"], cfg["horizon"])
        return DataLoader(ds, batch_size=cfg["batch_size"], shuffle=shuffle, drop_last=shuffle)

    train_loader = make_loader(train_df, shuffle=True)
    valid_loader = make_loader(valid_df, shuffle=False)
    test_loader = make_loader(test_df, shuffle=False)

    model = LoadLSTM(len(cfg["features"]), cfg["hidden"], cfg["layers"], cfg["horizon"], cfg["dropout"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.5, patience=3)
    loss_fn = nn.HuberLoss(delta=1.0)

    best_mae, bad_epochs = float("inf"), 0
    ckpt = Path(cfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(1, cfg["epochs"] + 1):
        model.train()
        running = 0.0
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            loss = loss_fn(model(x), y)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
            optimizer.step()
            running += loss.item() * len(x)
        train_loss = running / len(train_loader.dataset)

        valid_mae, valid_mape = evaluate(model, valid_loader, device, scaler)
        scheduler.step(valid_mae)
        print(f"epoch {epoch:02d} train_huber={train_loss:.4f} valid_mae={valid_mae:.1f} valid_mape={valid_mape:.3%}")

        if valid_mae < best_mae:
            best_mae, bad_epochs = valid_mae, 0
            torch.save({"model": model.state_dict(), "epoch": epoch, "cfg": cfg}, ckpt)
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                print(f"early stopping at epoch {epoch}")
                break

    model.load_state_dict(torch.load(ckpt, map_location=device)["model"])
    test_mae, test_mape = evaluate(model, test_loader, device, scaler)

    # Day-ahead persistence baseline: same hours one week earlier.
    load = test_df["load_mw"].values
    naive_err = np.abs(load[168:] - load[:-168])
    print(f"test: LSTM mae={test_mae:.1f} mape={test_mape:.3%} | weekly persistence mae={naive_err.mean():.1f}")


if __name__ == "__main__":
    main()
