import argparse
import json
import logging
import random
import sys
from pathlib import Path

import numpy as np
import torch
from sklearn.dummy import DummyClassifier
from sklearn.metrics import f1_score
from torch.utils.data import DataLoader

sys.path.append(str(Path(__file__).resolve().parent / "src"))
from har.data import build_datasets  # noqa: E402
from har.engine import evaluate, train_one_epoch  # noqa: E402
from har.model import HARNet  # noqa: E402

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/uci_har")
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--bs", type=int, default=64)
    ap.add_argument("--patience", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--ckpt", default="artifacts/harnet_best.pt")
    args = ap.parse_args()

    seed_all(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    fit_ds, val_ds, test_ds = build_datasets(args.root, val_fraction=0.2, seed=args.seed)

    dummy = DummyClassifier(strategy="most_frequent").fit(
        np.zeros(len(fit_ds)), fit_ds.tensors[1].numpy())
    val_y = val_ds.tensors[1].numpy()
    logger.info("majority baseline val macro-F1 %.3f",
                f1_score(val_y, dummy.predict(np.zeros(len(val_y))), average="macro"))

    fit_dl = DataLoader(fit_ds, batch_size=args.bs, shuffle=True,
                        generator=torch.Generator().manual_seed(args.seed))
    val_dl = DataLoader(val_ds, batch_size=256)
    test_dl = DataLoader(test_ds, batch_size=256)

    model = HARNet().to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-3)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="max", patience=3)
    loss_fn = torch.nn.CrossEntropyLoss()

    Path(args.ckpt).parent.mkdir(parents=True, exist_ok=True)
    best_f1, stale = -1.0, 0
    for epoch in range(1, args.epochs + 1):
        tr_loss = train_one_epoch(model, fit_dl, optimizer, loss_fn, device)
        val = evaluate(model, val_dl, loss_fn, device)
        scheduler.step(val["macro_f1"])
        logger.info("epoch %02d train %.4f val %s", epoch, tr_loss, val)
        if val["macro_f1"] > best_f1:
            best_f1, stale = val["macro_f1"], 0
            torch.save(model.state_dict(), args.ckpt)
        else:
            stale += 1
            if stale >= args.patience:
                break

    model.load_state_dict(torch.load(args.ckpt, map_location=device))
    test = evaluate(model, test_dl, loss_fn, device)
    logger.info("held-out subjects: %s", test)
    Path("artifacts/test_metrics.json").write_text(json.dumps(test, indent=2))


if __name__ == "__main__":
    main()
