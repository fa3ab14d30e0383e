"""Predicting superconducting critical temperature (Hamidieh 2018 data) with an MLP.
Compared against the mean predictor and ordinary least squares on the same split."""
import logging
import sys
from pathlib import Path

import torch
from torch.utils.data import DataLoader, TensorDataset

sys.path.append(str(Path(__file__).parent / "src"))
from tcpred.config import Config  # noqa: E402
from tcpred.data import load_splits  # noqa: E402
from tcpred.model import make_mlp  # noqa: E402
from tcpred.utils import regression_report, set_seed  # noqa: E402

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("tc")


@torch.no_grad()
def predict(model, X):
    model.eval()
    return model(X)


def main(cfg: Config):
    gen = set_seed(cfg.seed)
    splits, y_sc = load_splits(cfg, gen)
    Xtr, ytr, _ = splits["train"]
    Xva, yva, _ = splits["val"]
    Xte, _, yte_raw = splits["test"]

    model = make_mlp(Xtr.shape[1], cfg.hidden, cfg.depth, cfg.dropout)
    opt = torch.optim.Adam(model.parameters(), lr=cfg.lr)
    loss_fn = torch.nn.MSELoss()
    loader = DataLoader(TensorDataset(Xtr, ytr), batch_size=cfg.batch_size, shuffle=True, generator=gen)
    Path(cfg.ckpt_path).parent.mkdir(parents=True, exist_ok=True)

    best, patience_left = float("inf"), cfg.patience
    for epoch in range(cfg.max_epochs):
        model.train()
        for xb, yb in loader:
            opt.zero_grad()
            loss_fn(model(xb), yb).backward()
            opt.step()
        val_mse = loss_fn(predict(model, Xva), yva).item()
        if epoch % 10 == 0:
            log.info("epoch %3d  val mse (scaled) %.4f", epoch, val_mse)
        if val_mse < best:
            best, patience_left = val_mse, cfg.patience
            torch.save(model.state_dict(), cfg.ckpt_path)
        else:
            patience_left -= 1
            if patience_left == 0:
                log.info("stopping at epoch %d, best val mse %.4f", epoch, best)
                break

    model.load_state_dict(torch.load(cfg.ckpt_path))
    mlp_pred = y_sc.inverse(predict(model, Xte))

    # baselines fitted on the training split only
    mean_pred = y_sc.inverse(torch.zeros_like(mlp_pred))
    A = torch.cat([Xtr, torch.ones(len(Xtr), 1)], dim=1)
    coef = torch.linalg.lstsq(A, ytr).solution
    ols_pred = y_sc.inverse(torch.cat([Xte, torch.ones(len(Xte), 1)], dim=1) @ coef)

    for name, p in (("mean", mean_pred), ("ols", ols_pred), ("mlp", mlp_pred)):
        r = regression_report(yte_raw, p)
        log.info("TEST %-5s RMSE %.2f K  MAE %.2f K  R2 %.3f", name, r["rmse"], r["mae"], r["r2"])


if __name__ == "__main__":
    main(Config())
