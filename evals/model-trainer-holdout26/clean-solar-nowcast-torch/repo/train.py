"""1-hour-ahead (4 x 15 min) PV output nowcasting for a single plant."""
import argparse
import os

import torch
import torch.nn as nn
from torch.utils.data import DataLoader

from solarcast.data import COLS, SeqWindows, Standardizer, chronological_split, read_plant
from solarcast.loop import evaluate, fit_epoch
from solarcast.model import GRUForecaster
from solarcast.utils import dump, get_logger, seed_everything

log = get_logger()


def scores(pred, true):
    err = pred - true
    return {"mae_kw": err.abs().mean().item(), "rmse_kw": err.pow(2).mean().sqrt().item()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--plant", default="data/plant_07.parquet")
    ap.add_argument("--val-start", default="2023-01-01")
    ap.add_argument("--test-start", default="2023-07-01")
    ap.add_argument("--lookback", type=int, default=32)
    ap.add_argument("--horizon", type=int, default=4)
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--patience", type=int, default=8)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--out", default="runs/gru")
    args = ap.parse_args()

    seed_everything(args.seed)
    os.makedirs(args.out, exist_ok=True)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    train_df, val_df, test_df = chronological_split(read_plant(args.plant), args.val_start, args.test_start)
    as_t = lambda d: torch.tensor(d.to_numpy(), dtype=torch.float32)
    tr_t, va_t, te_t = as_t(train_df), as_t(val_df), as_t(test_df)

    scaler = Standardizer().fit(tr_t)
    tc = COLS.index("pv_kw")
    mk = lambda t, shuffle: DataLoader(SeqWindows(scaler(t), args.lookback, args.horizon, tc),
                                       batch_size=256, shuffle=shuffle)
    train_dl, val_dl, test_dl = mk(tr_t, True), mk(va_t, False), mk(te_t, False)

    model = GRUForecaster(len(COLS), args.horizon).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
    loss_fn = nn.HuberLoss(delta=0.5)

    best, stale = float("inf"), 0
    for epoch in range(args.epochs):
        tr_loss = fit_epoch(model, train_dl, opt, loss_fn, device)
        vp, vt = evaluate(model, val_dl, device)
        val_mae = (vp - vt).abs().mean().item()
        log.info("epoch %d train %.4f val_mae(z) %.4f", epoch, tr_loss, val_mae)
        if val_mae < best - 1e-4:
            best, stale = val_mae, 0
            torch.save({"model": model.state_dict(), "epoch": epoch, "mean": scaler.mean, "std": scaler.std},
                       f"{args.out}/best.pt")
        else:
            stale += 1
            if stale >= args.patience:
                log.info("early stop at epoch %d", epoch)
                break

    state = torch.load(f"{args.out}/best.pt", map_location=device)
    model.load_state_dict(state["model"])
    tp, tt = evaluate(model, test_dl, device)
    s, m = scaler.std[0, tc], scaler.mean[0, tc]
    tp_kw, tt_kw = (tp * s + m).clamp_min(0), tt * s + m

    # smart-persistence baseline: scale last observed clear-sky index forward
    win = SeqWindows(te_t, args.lookback, args.horizon, tc)
    csi_col = COLS.index("clear_sky_ghi")
    persist = []
    for i in range(len(win)):
        last = te_t[i + args.lookback - 1]
        ratio = last[tc] / last[csi_col].clamp_min(1.0)
        persist.append(ratio * te_t[i + args.lookback : i + args.lookback + args.horizon, csi_col])
    persist = torch.stack(persist)

    report = {"gru": scores(tp_kw, tt_kw), "smart_persistence": scores(persist, tt_kw)}
    log.info("test: %s", report)
    dump(report, f"{args.out}/test_metrics.json")


if __name__ == "__main__":
    main()
