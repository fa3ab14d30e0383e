import argparse
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader

from feederfc.data import FeederWindows, load_wide
from feederfc.engine import Seq2One, predict, train_one_epoch
from feederfc.utils import Config, seed_everything


def kw_metrics(pred, true, feeders, mu, sd) -> dict:
    p = pred * sd[feeders, None] + mu[feeders, None]
    t = true * sd[feeders, None] + mu[feeders, None]
    err = p - t
    return {"mae": float(np.abs(err).mean()), "rmse": float(np.sqrt((err ** 2).mean())),
            "nmae": float(np.abs(err).sum() / np.abs(t).sum())}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/feeder_lstm.json")
    cfg = Config.from_json(ap.parse_args().config)
    gen = seed_everything(cfg.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    wide = load_wide(cfg.data_path)
    train_w = wide.loc[: cfg.train_end]
    valid_w = wide.loc[cfg.train_end : cfg.valid_end].iloc[1:]
    test_w = wide.loc[cfg.valid_end :].iloc[1:]
    mu, sd = train_w.mean().to_numpy(), train_w.std().to_numpy() + 1e-6

    def ds(frame, stride):
        return FeederWindows(((frame - mu) / sd).to_numpy(), frame.index, cfg.lookback, cfg.horizon, stride)

    train_loader = DataLoader(ds(train_w, 4), batch_size=cfg.batch_size, shuffle=True, generator=gen, num_workers=0)
    valid_loader = DataLoader(ds(valid_w, cfg.horizon), batch_size=512)
    test_loader = DataLoader(ds(test_w, cfg.horizon), batch_size=512)

    model = Seq2One(4, cfg.hidden, cfg.layers, cfg.horizon, cfg.dropout).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg.lr)
    loss_fn = nn.SmoothL1Loss()

    ckpt_dir = Path(cfg.checkpoint_dir)
    ckpt_dir.mkdir(parents=True, exist_ok=True)
    best, stale = float("inf"), 0
    for epoch in range(cfg.max_epochs):
        train_loss = train_one_epoch(model, train_loader, optimizer, loss_fn, device)
        vp, vt, vf = predict(model, valid_loader, device)
        val = kw_metrics(vp, vt, vf, mu, sd)
        print(f"epoch {epoch:3d} train {train_loss:.4f} valid nmae {val['nmae']:.4f} mae {val['mae']:.1f}")
        if val["nmae"] < best - 1e-4:
            best, stale = val["nmae"], 0
            torch.save(model.state_dict(), ckpt_dir / "best.pt")
        else:
            stale += 1
            if stale >= cfg.patience:
                break

    model.load_state_dict(torch.load(ckpt_dir / "best.pt", map_location=device))
    tp, tt, tf = predict(model, test_loader, device)
    print("test LSTM      ", kw_metrics(tp, tt, tf, mu, sd))

    # daily persistence: the last lookback day repeated over the horizon
    test_ds = test_loader.dataset
    naive = np.stack([test_ds[i][0][-cfg.horizon:, 0].numpy() for i in range(len(test_ds))])
    print("test persistence", kw_metrics(naive, tt, tf, mu, sd))


if __name__ == "__main__":
    main()
