import logging
import random

import numpy as np
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

from src.linecheck.io import DataConfig, load_cycles
from src.linecheck.net import CycleMLP

SEED = 5
EPOCHS = 60
BATCH = 128
ACCUM_STEPS = 4
PATIENCE = 8

logging.basicConfig(level=logging.INFO, format="%(message)s")
log = logging.getLogger("linecheck")


def seed_all(seed: int) -> torch.Generator:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    g = torch.Generator()
    g.manual_seed(seed)
    return g


@torch.no_grad()
def score(model, loader, device):
    model.eval()
    out, ys = [], []
    for xb, yb in loader:
        with torch.autocast(device_type=device.type, dtype=torch.float16, enabled=device.type == "cuda"):
            logits = model(xb.to(device))
        out.append(torch.sigmoid(logits.float()).cpu())
        ys.append(yb)
    return torch.cat(ys).numpy(), torch.cat(out).numpy()


def main() -> None:
    gen = seed_all(SEED)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    cfg = DataConfig()

    X, y, names = load_cycles(cfg)
    X_train, X_rest, y_train, y_rest = train_test_split(X, y, test_size=0.3, stratify=y, random_state=SEED)
    X_val, X_test, y_val, y_test = train_test_split(X_rest, y_rest, test_size=0.5, stratify=y_rest, random_state=SEED)
    log.info("defect rate train %.4f | n=%d/%d/%d", y_train.mean(), len(y_train), len(y_val), len(y_test))

    mk = lambda a, b: TensorDataset(torch.from_numpy(a), torch.from_numpy(b).float())
    train_dl = DataLoader(mk(X_train, y_train), batch_size=BATCH, shuffle=True, generator=gen, drop_last=True)
    val_dl = DataLoader(mk(X_val, y_val), batch_size=1024)
    test_dl = DataLoader(mk(X_test, y_test), batch_size=1024)

    model = CycleMLP(X.shape[1]).to(device)
    pos_weight = torch.tensor((1 - y_train.mean()) / y_train.mean(), device=device)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
    amp_scaler = torch.cuda.amp.GradScaler(enabled=device.type == "cuda")

    best_ap, stale = -1.0, 0
    for epoch in range(EPOCHS):
        model.train()
        opt.zero_grad(set_to_none=True)
        for step, (xb, yb) in enumerate(train_dl):
            xb, yb = xb.to(device), yb.to(device)
            with torch.autocast(device_type=device.type, dtype=torch.float16, enabled=device.type == "cuda"):
                loss = loss_fn(model(xb), yb) / ACCUM_STEPS
            amp_scaler.scale(loss).backward()
            if (step + 1) % ACCUM_STEPS == 0:
                amp_scaler.unscale_(opt)
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                amp_scaler.step(opt)
                amp_scaler.update()
                opt.zero_grad(set_to_none=True)

        yv, pv = score(model, val_dl, device)
        val_ap = average_precision_score(yv, pv)
        log.info("epoch %02d val AP %.4f AUC %.4f", epoch, val_ap, roc_auc_score(yv, pv))
        if val_ap > best_ap:
            best_ap, stale = val_ap, 0
            torch.save(model.state_dict(), cfg.artifacts / "cycle_mlp_best.pt")
        else:
            stale += 1
            if stale >= PATIENCE:
                log.info("early stop at epoch %d", epoch)
                break

    model.load_state_dict(torch.load(cfg.artifacts / "cycle_mlp_best.pt", map_location=device))
    yt, pt = score(model, test_dl, device)

    baseline = LogisticRegression(max_iter=5000, class_weight="balanced").fit(X_train, y_train)
    pb = baseline.predict_proba(X_test)[:, 1]
    log.info("TEST mlp    AUC %.4f AP %.4f", roc_auc_score(yt, pt), average_precision_score(yt, pt))
    log.info("TEST logreg AUC %.4f AP %.4f", roc_auc_score(y_test, pb), average_precision_score(y_test, pb))


if __name__ == "__main__":
    main()
